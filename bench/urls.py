"""URLs of the benchmark server: the project, Wagtail's API v2 and a floor view.

Wagtail's API v2 serves only fields listed in ``api_fields``; the case page declares
none (our API does not need them), so the benchmark lists every field here, for the
comparison to be like for like.
"""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from casepages.models import PrisonerCasePage
from example_site.urls import urlpatterns as project_urlpatterns

PrisonerCasePage.api_fields = [
    APIField(name)
    for name in (
        "name_original_script",
        "portrait",
        "portrait_alt_text",
        "photo_credit",
        "born_on",
        "occupation",
        "country_of_detention",
        "status",
        "detained_since",
        "place_of_detention",
        "charges",
        "sentence",
        "summary",
        "body",
        "timeline",
        "sources",
        "updates",
    )
]

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)

FLOOR_BODY = {"id": 1, "type": "floor", "title": "A fixed answer"}
_sized_bodies: dict[int, bytes] = {}


def floor(request: HttpRequest, size: int = 0) -> HttpResponse:
    """The least a Django view can do: a fixed JSON body, no database.

    With ``size``, the body is padded to that many bytes, so that the floor of an
    endpoint moves as many bytes as the endpoint's own answers.
    """
    if not size:
        return JsonResponse(FLOOR_BODY)
    if size not in _sized_bodies:
        padding = "x" * max(0, size - 60)
        _sized_bodies[size] = json.dumps({**FLOOR_BODY, "padding": padding}).encode()
    return HttpResponse(_sized_bodies[size], content_type="application/json")


urlpatterns = [
    path("wagtail-api/v2/", wagtail_api.urls),
    # Under /api/ like the endpoints it is the floor of: the same middleware runs.
    path("api/bench-floor/", floor),
    path("api/bench-floor/<int:size>/", floor),
    *project_urlpatterns,
]
