"""Routes of the actions and rallies endpoints (mounted by the router: see
``registration``)."""

from django.urls import path

from . import views

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
