"""
Settings that read the environment the way Plane's apps/api/plane/settings/common.py does
(plane-reference.md section 3.1). What Hangar diagnoses depends on exactly these rules:
- CORS_ALLOWED_ORIGINS: comma list, trimmed, empties dropped; an empty list allows every origin.
- The same list is CSRF_TRUSTED_ORIGINS.
- Session/CSRF cookies are Secure only when no origin contains "http:".
- corsheaders' system checks run before every manage.py command, so '*' (E013) or a trailing
  slash (E014) stops the api and the migrator from starting.
"""
import os
from urllib.parse import urlparse

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("SECRET_KEY", "lab-insecure-secret")
DEBUG = int(os.environ.get("DEBUG", "0")) == 1
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "*").split(",") if h.strip()]

INSTALLED_APPS = [
    "plane",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "plane.origin_check.OriginCsrfMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
ROOT_URLCONF = "plane.urls"
WSGI_APPLICATION = "plane.wsgi.application"
DATABASES = {}
TEMPLATES = []
USE_TZ = True
APPEND_SLASH = True

cors_origins_raw = os.environ.get("CORS_ALLOWED_ORIGINS", "")
cors_allowed_origins = [o.strip() for o in cors_origins_raw.split(",") if o.strip()]
if cors_allowed_origins:
    CORS_ALLOWED_ORIGINS = cors_allowed_origins
    secure_origins = not any("http:" in origin for origin in cors_allowed_origins)
else:
    CORS_ALLOW_ALL_ORIGINS = True
    secure_origins = False
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = [
    "accept", "accept-encoding", "authorization", "content-type", "dnt", "origin",
    "user-agent", "x-csrftoken", "x-requested-with", "x-api-key",
]

# Django 4.x (Plane) takes origins here; Django 3.2 (Debian) wants hosts, and the Origin check
# Django 4 performs is emulated by plane.origin_check with the full origins.
PLANE_CSRF_TRUSTED_ORIGINS = cors_allowed_origins
CSRF_TRUSTED_ORIGINS = [urlparse(o).netloc or o for o in cors_allowed_origins]
CSRF_FAILURE_VIEW = "plane.views.csrf_failure"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = secure_origins
CSRF_COOKIE_SECURE = secure_origins
SESSION_COOKIE_NAME = "session-id"
SESSION_COOKIE_DOMAIN = os.environ.get("COOKIE_DOMAIN") or None
CSRF_COOKIE_DOMAIN = os.environ.get("COOKIE_DOMAIN") or None
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

WEB_URL = os.environ.get("WEB_URL", "http://localhost")
APP_VERSION = os.environ.get("APP_VERSION", "v1.3.1")
FILE_SIZE_LIMIT = int(os.environ.get("FILE_SIZE_LIMIT", 5242880))
ADMIN_BASE_URL = os.environ.get("ADMIN_BASE_URL") or None
SPACE_BASE_URL = os.environ.get("SPACE_BASE_URL") or None
APP_BASE_URL = os.environ.get("APP_BASE_URL") or None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "[%(asctime)s] [%(levelname)s] %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
