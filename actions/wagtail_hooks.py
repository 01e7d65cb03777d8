"""Admin registration of the actions app: organisations, and the signatures report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from actions import views
from actions.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    """Organisations that run rallies, in the Snippets menu, listed per locale."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "website"]
    search_fields = ["name", "description"]


register_snippet(OrganisationViewSet)


class SignatureReportMenuItem(MenuItem):
    """Shown only to those who may see the report (Campaigners, superusers)."""

    def is_shown(self, request) -> bool:
        return views.can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls() -> list:
    return [
        path(
            "actions/signatures/",
            views.report_index,
            name="actions_signature_reports",
        ),
        path(
            "actions/signatures/<int:page_id>/",
            views.report_detail,
            name="actions_signature_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return SignatureReportMenuItem(
        _("Signatures"),
        reverse("actions_signature_reports"),
        icon_name="list-ul",
        order=900,
    )
