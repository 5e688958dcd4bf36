"""The anonymous endpoints Hangar's probes call, answering as Plane's API does."""
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.http import require_POST


def users_me(request):
    return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)


def instances(request):
    return JsonResponse(
        {
            "config": {"file_size_limit": 5242880, "is_self_managed": True},
            "instance": {"current_version": "v1.3.1", "is_setup_done": True, "is_activated": True},
        }
    )


def csrf_token(request):
    return JsonResponse({"csrf_token": get_token(request)})


@require_POST
def sign_in(request):
    """Plane's form sign-in for an unknown user: CSRF-checked, then a 302 built from WEB_URL."""
    params = {"error_code": "5005", "error_message": "USER_DOES_NOT_EXIST"}
    return HttpResponseRedirect(settings.WEB_URL.rstrip("/") + "/sign-in?" + urlencode(params))


def csrf_failure(request, reason=""):
    """Plane's CSRF_FAILURE_VIEW page (csrf_failure.html): a 403 titled "CSRF Verification Failed"."""
    body = "<!DOCTYPE html><html><head><title>CSRF Verification Failed</title></head><body><h1>CSRF Verification Failed</h1></body></html>"
    return HttpResponse(body, status=403)


urlpatterns = [
    path("api/users/me/", users_me),
    path("api/instances/", instances),
    path("auth/get-csrf-token/", csrf_token),
    path("auth/sign-in/", sign_in),
]
