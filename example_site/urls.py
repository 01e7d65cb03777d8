"""URLs: the admin and the API are unprefixed; public pages are under /en/, /nl/, /fr/.

The API is deliberately outside ``i18n_patterns``: it picks its language from its own
URL, and its 404s must stay JSON 404s rather than LocaleMiddleware redirects.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness probe: can this server answer? Checks the database and the shared
    cache that throttles signing (Redis in production), JSON, 503 if one fails.

    A load balancer takes a server out of rotation while it answers 503, so that
    readers are sent to servers that can serve them; never cached. The answer names
    the failed part, not its error (which could hold a host name or a password).
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 (any driver error: not ready)
        checks["database"] = "unavailable"
    try:
        cache = caches["throttle"]
        cache.set("readyz", 1, 10)
        if cache.get("readyz") != 1:
            checks["cache"] = "unavailable"
    except Exception:  # noqa: BLE001 (redis.ConnectionError, timeouts)
        checks["cache"] = "unavailable"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


# Under /api/ every answer is JSON, even when no view was reached or one crashed.
handler404 = "ngo_cms.api.errors.handler404"
handler500 = "ngo_cms.api.errors.handler500"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("ngo_cms.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
