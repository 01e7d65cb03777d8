"""The site's URLs plus views that fail, for the API's error handlers."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from example_site.urls import handler404, handler500
from example_site.urls import urlpatterns as site_urlpatterns
from ngo_cms.api.views import ApiViewMixin


def crash(request: HttpRequest, locale: str) -> HttpResponse:
    raise RuntimeError("a bug")


def database_down(request: HttpRequest, locale: str) -> HttpResponse:
    raise OperationalError("connection refused")


class DatabaseDownView(ApiViewMixin, APIView):
    """An API view whose database is unreachable."""

    cache_responses = False

    def get(self, request: Request, locale: str) -> Response:
        raise OperationalError("connection refused")


urlpatterns = [
    path("api/v1/<str:locale>/crash/", crash),
    path("api/v1/<str:locale>/plain-db-down/", database_down),
    path("api/v1/<str:locale>/db-down/", DatabaseDownView.as_view()),
    *site_urlpatterns,
]
__all__ = ["handler404", "handler500", "urlpatterns"]
