"""Routes of the cases endpoints (mounted by the router: see ``registration``)."""

from django.urls import path

from .views import CaseDetailView, CaseListView

urlpatterns = [
    path("<str:locale>/cases/", CaseListView.as_view(), name="cases-list"),
    path(
        "<str:locale>/cases/<str:slug>/", CaseDetailView.as_view(), name="cases-detail"
    ),
]
