"""Admin registration of the casepages app: the themes snippet and the case listing."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choices import CaseStatus
from .models import PrisonerCasePage, Theme


class ThemeViewSet(SnippetViewSet):
    """Themes in the admin's Snippets menu, searchable and listed per locale."""

    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


register_snippet(ThemeViewSet)


def _countries_with_cases() -> list[tuple[str, str]]:
    """The countries that at least one case page names, by their translated name."""
    codes = set(
        PrisonerCasePage.objects.order_by()
        .values_list("country_of_detention", flat=True)
        .distinct()
    )
    return [(code, name) for code, name in countries if code in codes]


class PrisonerCaseFilterSet(PageListingViewSet.filterset_class):
    """Filters of the case listing: status and country of detention."""

    status = django_filters.MultipleChoiceFilter(
        label=_("status"),
        choices=CaseStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    country_of_detention = django_filters.MultipleChoiceFilter(
        label=_("country of detention"),
        choices=_countries_with_cases,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PrisonerCasePage
        fields: list[str] = []


class StatusColumn(Column):
    """The case's status by its label in the editor's language."""

    def get_value(self, instance: PrisonerCasePage) -> str:
        return instance.get_status_display()


class CountryColumn(Column):
    """The country of detention by its name in the editor's language."""

    def get_value(self, instance: PrisonerCasePage) -> str:
        return instance.country_of_detention.name


class PrisonerCaseListingViewSet(PageListingViewSet):
    """All prisoner cases in one flat list in the admin menu, in every language,
    filterable by status and country of detention and searchable by name and text."""

    model = PrisonerCasePage
    icon = "user"
    menu_label = _("Prisoner cases")
    menu_order = 150
    add_to_admin_menu = True
    name = "prisoner_cases"
    filterset_class = PrisonerCaseFilterSet
    columns = [
        *PageListingViewSet.columns,
        StatusColumn("status", label=_("status"), sort_key="status"),
        CountryColumn(
            "country_of_detention",
            label=_("country of detention"),
            sort_key="country_of_detention",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_prisoner_case_listing() -> PrisonerCaseListingViewSet:
    return PrisonerCaseListingViewSet()
