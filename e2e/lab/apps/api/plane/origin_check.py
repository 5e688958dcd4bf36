"""
Django 4's CSRF Origin verification, which Plane (Django 4.2) has and Debian's Django 3.2 lacks:
an unsafe request whose Origin header is neither this host nor a trusted origin is refused with
the CSRF failure page. Without it the lab would accept sign-in forms a real Plane rejects.
"""
from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

from plane.views import csrf_failure

SAFE = {"GET", "HEAD", "OPTIONS", "TRACE"}


class OriginCsrfMiddleware(MiddlewareMixin):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if request.method in SAFE or getattr(callback, "csrf_exempt", False):
            return None
        origin = request.META.get("HTTP_ORIGIN")
        if origin is None:
            return None
        own = "%s://%s" % (request.scheme, request.get_host())
        if origin == own or origin in settings.PLANE_CSRF_TRUSTED_ORIGINS:
            # Django 4 skips the Referer check once a present Origin is verified; 3.2 would still
            # demand a Referer on https (the split layout), so hand it the verified origin.
            if request.is_secure():
                request.META["HTTP_REFERER"] = origin + "/"
            return None
        return csrf_failure(request, reason="Origin checking failed - %s does not match any trusted origins." % origin)
