"""The community-edition endpoints Hangar probes (plane-reference.md sections 3.2 and 3.3)."""
import os
import socket
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

INSTANCE_ID = str(uuid.uuid5(uuid.NAMESPACE_DNS, "hangar-lab-" + socket.gethostname().split("-")[0]))


@require_GET
def health(request):
    return JsonResponse({"status": "OK"})


def robots(request):
    return HttpResponse("User-agent: *\nDisallow: /\n", content_type="text/plain")


@require_GET
def instances(request):
    web_url = settings.WEB_URL.rstrip("/")
    return JsonResponse({
        "config": {
            "enable_signup": True,
            "is_google_enabled": False,
            "is_github_enabled": False,
            "is_smtp_configured": False,
            "file_size_limit": settings.FILE_SIZE_LIMIT,
            "admin_base_url": settings.ADMIN_BASE_URL,
            "space_base_url": settings.SPACE_BASE_URL,
            "app_base_url": settings.APP_BASE_URL,
            "is_self_managed": True,
        },
        "instance": {
            "id": INSTANCE_ID,
            "instance_name": "Plane (Hangar lab)",
            "current_version": settings.APP_VERSION,
            "latest_version": settings.APP_VERSION,
            "edition": "PLANE_COMMUNITY",
            "domain": web_url,
            "is_setup_done": True,
            "is_activated": True,
            "workspaces_exist": False,
        },
    })


@require_GET
def users_me(request):
    return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)


@require_GET
@ensure_csrf_cookie
def csrf_token(request):
    return JsonResponse({"csrf_token": get_token(request)})


@require_POST
def sign_in(request):
    """No user exists in the lab: every sign-in ends like Plane's USER_DOES_NOT_EXIST, a 302 to WEB_URL."""
    params = {"error_code": "5005", "error_message": "USER_DOES_NOT_EXIST"}
    email = request.POST.get("email")
    if email:
        params["email"] = email
    return HttpResponseRedirect(settings.WEB_URL.rstrip("/") + "/sign-in?" + urlencode(params))


def csrf_failure(request, reason=""):
    body = (
        "<!DOCTYPE html><html><head><title>CSRF Verification Failed</title></head><body>"
        "<h1>CSRF Verification Failed</h1><p>It looks like your form submission has expired or there was "
        "a problem with your request. Please try the following:</p><ul><li>Refresh the page and try again</li>"
        "<li>Make sure cookies are enabled</li></ul><!-- %s --></body></html>" % reason
    )
    return HttpResponse(body, status=403)
