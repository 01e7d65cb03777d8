"""Routes of the actions and rallies endpoints; importing this module registers the
page types with the API."""

from django.urls import path

from actions.models import ActionIndexPage, RallyIndexPage, RallyPage, UrgentActionPage
from ngo_cms.api.registry import register_endpoint, register_page_type
from ngo_cms.api.serializers import IntroPageSerializer

from . import views
from .serializers import ActionDetailSerializer, RallyDetailSerializer

urlpatterns = [
    path("<str:locale>/actions/", views.ActionListView.as_view(), name="actions-list"),
    path(
        "<str:locale>/actions/<str:slug>/",
        views.ActionDetailView.as_view(),
        name="actions-detail",
    ),
    path(
        "<str:locale>/actions/<str:slug>/signatures/",
        views.SignatureCreateView.as_view(),
        name="actions-signatures",
    ),
    path(
        "<str:locale>/actions/<str:slug>/signatures/confirm/",
        views.SignatureConfirmView.as_view(),
        name="actions-signatures-confirm",
    ),
    path("<str:locale>/rallies/", views.RallyListView.as_view(), name="rallies-list"),
    # Before the detail: "ical" is not a rally slug.
    path(
        "<str:locale>/rallies/ical/",
        views.RallyFeedView.as_view(),
        name="rallies-feed",
    ),
    path(
        "<str:locale>/rallies/<str:slug>/",
        views.RallyDetailView.as_view(),
        name="rallies-detail",
    ),
    path(
        "<str:locale>/rallies/<str:slug>/ical/",
        views.RallyCalendarView.as_view(),
        name="rallies-ical",
    ),
]

register_page_type(UrgentActionPage, ActionDetailSerializer, route="api:actions-detail")
register_page_type(RallyPage, RallyDetailSerializer, route="api:rallies-detail")
register_page_type(
    ActionIndexPage, IntroPageSerializer, route="api:actions-list", route_has_slug=False
)
register_page_type(
    RallyIndexPage, IntroPageSerializer, route="api:rallies-list", route_has_slug=False
)
register_endpoint("actions", "api:actions-list")
register_endpoint("rallies", "api:rallies-list")
register_endpoint("rallies_ical", "api:rallies-feed")
