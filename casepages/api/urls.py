"""Routes of the cases endpoints; importing this module registers the page types."""

from django.urls import path

from casepages.models import CaseIndexPage, PrisonerCasePage
from ngo_cms.api.registry import register_endpoint, register_page_type
from ngo_cms.api.serializers import IntroPageSerializer

from .serializers import CaseDetailSerializer
from .views import CaseDetailView, CaseListView

urlpatterns = [
    path("<str:locale>/cases/", CaseListView.as_view(), name="cases-list"),
    path(
        "<str:locale>/cases/<str:slug>/", CaseDetailView.as_view(), name="cases-detail"
    ),
]

register_page_type(PrisonerCasePage, CaseDetailSerializer, route="api:cases-detail")
register_page_type(
    CaseIndexPage, IntroPageSerializer, route="api:cases-list", route_has_slug=False
)
register_endpoint("cases", "api:cases-list")
