"""Prisoner cases in the API: a short list item and the full detail.

Both extend the page envelope of ``ngo_cms.api.serializers``. Themes are linked to
the source-language rows (they are synchronised); the API shows the row of the
language being served, fetched for the whole response in one query.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casepages.choices import CaseStatus
from casepages.models import PrisonerCasePage, Theme
from ngo_cms.api import tags
from ngo_cms.api.schema import COUNTRY_CODE_SCHEMA
from ngo_cms.api.serializers import (
    ImageSerializer,
    PageSerializer,
    StreamField,
    image_data,
    rendition_prefetch,
)
from ngo_cms.snippets import in_page_language, localized_snippets

THEMES_CONTEXT_KEY = "casepages_themes"


@extend_schema_field(COUNTRY_CODE_SCHEMA)
class CountryCodeField(serializers.CharField):
    """An ISO 3166-1 alpha-2 code (the ``CountryCode`` component of the schema)."""


class CountrySerializer(serializers.Serializer):
    """An ISO 3166 country with its name in the language served."""

    code = CountryCodeField()
    name = serializers.CharField()


class ThemeSerializer(serializers.ModelSerializer):
    """A campaign theme in the language served (``slug`` is what ``?theme=`` takes)."""

    class Meta:
        model = Theme
        fields = ["id", "slug", "name"]
        read_only_fields = fields


def themes_data(page: Any, context: dict[str, Any]) -> list[dict[str, Any]]:
    """The :class:`ThemeSerializer` dicts of ``page``'s themes in its language, by
    name (``prepare`` of the page serializer loads their translations)."""
    localized = context.get(THEMES_CONTEXT_KEY, {})
    result = []
    for theme in in_page_language(page, "themes", localized):
        tags.tag(tags.snippet_tag(theme))
        result.append({"id": theme.pk, "slug": theme.slug, "name": theme.name})
    return sorted(result, key=lambda item: item["name"])


class CaseStatusSerializer(serializers.Serializer):
    """A case's status: the value front ends switch on (``CaseStatusEnum``) and its
    label in the language served. Reads the page itself (``source="*"``)."""

    value = serializers.ChoiceField(choices=CaseStatus.choices, source="status")
    label = serializers.CharField(source="get_status_display")


def country_data(country: Any) -> dict[str, str] | None:
    if not country or not country.code:
        return None
    return {"code": country.code, "name": str(country.name)}


class CaseSummarySerializer(PageSerializer):
    """A case in a list: who, where, the status, a portrait and the summary."""

    status = CaseStatusSerializer(source="*", read_only=True)
    country_of_detention = serializers.SerializerMethodField()
    portrait = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()

    class Meta(PageSerializer.Meta):
        model = PrisonerCasePage
        fields = [
            *PageSerializer.Meta.fields,
            "name_original_script",
            "status",
            "country_of_detention",
            "detained_since",
            "summary",
            "portrait",
            "themes",
        ]
        read_only_fields = fields

    # Stream fields a list never shows stay in the database.
    deferred_fields: tuple[str, ...] = ("body", "timeline", "sources", "updates")

    @classmethod
    def optimise_queryset(cls, queryset: QuerySet) -> QuerySet:
        return (
            queryset.defer(*cls.deferred_fields)
            .select_related("portrait")
            .prefetch_related(
                rendition_prefetch("portrait"),
                Prefetch("themes", queryset=Theme.objects.order_by()),
            )
        )

    @classmethod
    def prepare(cls, pages: list[Any], context: dict[str, Any]) -> None:
        super().prepare(pages, context)
        context[THEMES_CONTEXT_KEY] = localized_snippets(pages, "themes", Theme)

    @extend_schema_field(CountrySerializer(allow_null=True))
    def get_country_of_detention(self, page: PrisonerCasePage) -> dict | None:
        return country_data(page.country_of_detention)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_portrait(self, page: PrisonerCasePage) -> dict | None:
        return image_data(page.portrait, self.context, alt=page.portrait_alt_text)

    @extend_schema_field(ThemeSerializer(many=True))
    def get_themes(self, page: PrisonerCasePage) -> list[dict[str, Any]]:
        return themes_data(page, self.context)


class CaseDetailSerializer(CaseSummarySerializer):
    """Everything about a case: the person, the case, body, timeline, sources and
    updates (streams of typed blocks)."""

    nationalities = serializers.SerializerMethodField()
    body = StreamField()
    timeline = StreamField()
    sources = StreamField()
    updates = StreamField()

    class Meta(CaseSummarySerializer.Meta):
        fields = [
            *CaseSummarySerializer.Meta.fields,
            "photo_credit",
            "born_on",
            "nationalities",
            "occupation",
            "place_of_detention",
            "charges",
            "sentence",
            "body",
            "timeline",
            "sources",
            "updates",
        ]
        read_only_fields = fields

    deferred_fields = ()

    @extend_schema_field(CountrySerializer(many=True))
    def get_nationalities(self, page: PrisonerCasePage) -> list[dict[str, str]]:
        return [
            data
            for data in (country_data(country) for country in page.nationalities)
            if data is not None
        ]
