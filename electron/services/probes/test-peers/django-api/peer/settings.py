"""CORS/CSRF/cookie settings copied from Plane's apps/api/plane/settings/common.py (v1.3.1).

CORS_ALLOWED_ORIGINS comes from the environment, comma separated; an empty list means
CORS_ALLOW_ALL_ORIGINS (with credentials, django-cors-headers then echoes any Origin), and the
cookies are Secure only when no origin contains "http:". The corsheaders system checks run at
startup, so '*' (E013) or a trailing slash (E014) stop the server as they stop Plane's API.
"""
import os
from urllib.parse import urlparse

import django

from corsheaders.defaults import default_headers

SECRET_KEY = "hangar-probe-peer-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
ROOT_URLCONF = "peer.urls"
DATABASES = {}
USE_TZ = True

cors_origins_raw = os.environ.get("CORS_ALLOWED_ORIGINS", "")
cors_allowed_origins = [origin.strip() for origin in cors_origins_raw.split(",") if origin.strip()]
if cors_allowed_origins:
    CORS_ALLOWED_ORIGINS = cors_allowed_origins
    secure_origins = False if [origin for origin in cors_allowed_origins if "http:" in origin] else True
else:
    CORS_ALLOW_ALL_ORIGINS = True
    secure_origins = False

CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = [*default_headers, "X-API-Key"]
SESSION_COOKIE_SECURE = secure_origins
CSRF_COOKIE_SECURE = secure_origins
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = cors_allowed_origins
if django.VERSION < (4, 0):
    # Plane runs Django 4.2, which matches scheme://host[:port]; Debian's Django 3.2 matches the
    # Referer's host[:port] only, so the same list is given to it without the scheme.
    CSRF_TRUSTED_ORIGINS = [urlparse(origin).netloc for origin in cors_allowed_origins]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_FAILURE_VIEW = "peer.urls.csrf_failure"
WEB_URL = os.environ.get("WEB_URL", "http://localhost")
