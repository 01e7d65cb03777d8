"""The list and detail of prisoner cases."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from casepages.choices import CaseStatus
from casepages.models import PrisonerCasePage, Theme
from ngo_cms.api.schema import COUNTRY_CODE_SCHEMA, country_codes
from ngo_cms.api.views import (
    ERROR_RESPONSES,
    FALLBACK_PARAMETER,
    LOCALE_PARAMETER,
    SLUG_PARAMETER,
    SLUG_PATTERN,
    SLUG_RE,
    PageDetailView,
    PageListView,
    choice_filter,
    enum_parameter,
    invalid_filter,
    text_parameter,
)

from .serializers import CaseDetailSerializer, CaseSummarySerializer

ORDERINGS = {
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "detained_since": ("detained_since", "pk"),
    "-detained_since": ("-detained_since", "-pk"),
    "first_published_at": ("first_published_at", "pk"),
    "-first_published_at": ("-first_published_at", "-pk"),
    "last_published_at": ("last_published_at", "pk"),
    "-last_published_at": ("-last_published_at", "-pk"),
}

LIST_PARAMETERS = [
    LOCALE_PARAMETER,
    enum_parameter("status", CaseStatus.values, "Only cases with this status."),
    OpenApiParameter(
        "country",
        COUNTRY_CODE_SCHEMA,
        description="Only cases detained in this country (ISO 3166 code, e.g. IR).",
    ),
    OpenApiParameter(
        "theme",
        {"type": "string", "pattern": SLUG_PATTERN},
        description="Only cases with this theme (its slug in the requested "
        "language); a slug that names no theme matches no case.",
    ),
    text_parameter("q", "Search in the name, original-script name and summary."),
    enum_parameter(
        "ordering",
        list(ORDERINGS),
        "Sort order (default: newest first, -first_published_at).",
    ),
    FALLBACK_PARAMETER,
]


@extend_schema_view(
    get=extend_schema(
        parameters=LIST_PARAMETERS,
        responses={200: CaseSummarySerializer(many=True), **ERROR_RESPONSES},
    )
)
class CaseListView(PageListView):
    """The live cases of one language, newest first, with filters and search."""

    page_model = PrisonerCasePage
    serializer_class = CaseSummarySerializer
    search_fields = ("title", "name_original_script", "summary")
    query_parameters = (
        *PageListView.query_parameters,
        "status",
        "country",
        "theme",
        "q",
        "ordering",
    )

    def get_ordering(self) -> tuple[str, ...]:
        value = choice_filter(self.request, "ordering", list(ORDERINGS))
        return ORDERINGS[value or "-first_published_at"]

    def filter_pages(self, queryset: QuerySet) -> QuerySet:
        params = self.request.query_params
        status = choice_filter(self.request, "status", CaseStatus.values)
        if status:
            queryset = queryset.filter(status=status)
        country = params.get("country")
        if country is not None:
            if country not in country_codes():
                raise invalid_filter("country", country)
            queryset = queryset.filter(country_of_detention=country)
        theme = params.get("theme")
        if theme is not None:
            if not SLUG_RE.match(theme):
                raise invalid_filter("theme", theme)
            key = (
                Theme.objects.filter(
                    slug=theme, locale__language_code=self.kwargs["locale"]
                )
                .values_list("translation_key", flat=True)
                .first()
            )
            queryset = (
                queryset.filter(themes__translation_key=key)
                if key is not None
                else queryset.none()
            )
        return queryset


@extend_schema_view(
    get=extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER, FALLBACK_PARAMETER],
        responses={200: CaseDetailSerializer, 404: ERROR_RESPONSES[404]},
    )
)
class CaseDetailView(PageDetailView):
    """One case by its slug in the requested language."""

    page_model = PrisonerCasePage
    serializer_class = CaseDetailSerializer
