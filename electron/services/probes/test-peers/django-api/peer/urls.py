"""The anonymous endpoints Hangar's probes call, answering as Plane's API does."""
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import path


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


urlpatterns = [
    path("api/users/me/", users_me),
    path("api/instances/", instances),
    path("auth/get-csrf-token/", csrf_token),
]
