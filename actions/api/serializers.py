"""Urgent actions and rallies in the API: list items, details, signing.

Themes and organisers are linked to source-language snippets; the API shows the
rows of the language being served. Related cases and actions are linked in that
language too. All of it is fetched for a whole response in a constant number of
queries (see each serializer's ``optimise_queryset`` and ``prepare``).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from wagtail.models import Page

from actions.choices import ActionStatus, RallyStatus
from actions.models import (
    ActionRelatedCase,
    Organisation,
    RallyPage,
    RallyRelatedAction,
    RallyRelatedCase,
    Signature,
    UrgentActionPage,
)
from casepages.api.serializers import (
    THEMES_CONTEXT_KEY,
    CountryCodeField,
    CountrySerializer,
    ThemeSerializer,
    themes_data,
)
from casepages.models import Theme
from ngo_cms.api import tags
from ngo_cms.api.context import ApiContext
from ngo_cms.api.serializers import (
    PageLinkSerializer,
    PageSerializer,
    RichTextField,
    StreamField,
    page_links_data,
)
from ngo_cms.conf import app_settings
from ngo_cms.snippets import in_page_language, localized_snippets

# What ``UrgentActionPage.signing_state()`` answers (the ``SigningStateEnum``).
SIGNING_STATES = ["open", "not_open", "closed"]
COUNTS_CONTEXT_KEY = "actions_signature_counts"
ORGANISERS_CONTEXT_KEY = "actions_organisers"


def _related_pages(page: Any, relation: str) -> list[Page]:
    return [item.page for item in getattr(page, relation).all()]


class ActionStatusSerializer(serializers.Serializer):
    """An action's status (``ActionStatusEnum``) and its label in the language
    served. Reads the page itself (``source="*"``)."""

    value = serializers.ChoiceField(choices=ActionStatus.choices, source="status")
    label = serializers.CharField(source="get_status_display")


class RallyStatusSerializer(serializers.Serializer):
    """A rally's status (``RallyStatusEnum``) and its label in the language served."""

    value = serializers.ChoiceField(choices=RallyStatus.choices, source="status")
    label = serializers.CharField(source="get_status_display")


class ActionSummarySerializer(PageSerializer):
    """An urgent action in a list: summary, status, deadline and progress."""

    # Signature counts change without a publication: keep answers that show them
    # in the server-side cache only as long as clients may cache them.
    cache_timeout = app_settings.API_CACHE_MAX_AGE

    status = ActionStatusSerializer(source="*", read_only=True)
    signature_count = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()

    class Meta(PageSerializer.Meta):
        model = UrgentActionPage
        fields = [
            *PageSerializer.Meta.fields,
            "summary",
            "status",
            "opens_at",
            "closes_at",
            "signature_goal",
            "signature_count",
            "themes",
        ]
        read_only_fields = fields

    @classmethod
    def optimise_queryset(cls, queryset: QuerySet) -> QuerySet:
        return queryset.defer("body").prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by())
        )

    @classmethod
    def prepare(cls, pages: list[Any], context: dict[str, Any]) -> None:
        super().prepare(pages, context)
        context[THEMES_CONTEXT_KEY] = localized_snippets(pages, "themes", Theme)
        keys = {page.translation_key for page in pages}
        context[COUNTS_CONTEXT_KEY] = dict(
            Signature.objects.confirmed()
            .filter(translation_key__in=keys)
            .order_by()
            .values("translation_key")
            .annotate(count=Count("id"))
            .values_list("translation_key", "count")
        )

    def get_signature_count(self, page: UrgentActionPage) -> int:
        """Signatures in every language together (one campaign)."""
        return self.context.get(COUNTS_CONTEXT_KEY, {}).get(page.translation_key, 0)

    @extend_schema_field(ThemeSerializer(many=True))
    def get_themes(self, page: UrgentActionPage) -> list[dict[str, Any]]:
        return themes_data(page, self.context)


class AddresseeSerializer(serializers.Serializer):
    """The official the petition is addressed to."""

    name = serializers.CharField()
    title = serializers.CharField()
    address = serializers.CharField()


class ActionDetailSerializer(ActionSummarySerializer):
    """Everything about an urgent action: the letter, the addressee, the body, the
    signing state and the related cases. Signer data never appears."""

    body = StreamField()
    letter = RichTextField()
    addressee = serializers.SerializerMethodField()
    signing_state = serializers.SerializerMethodField()
    signatures_url = serializers.SerializerMethodField()
    related_cases = serializers.SerializerMethodField()

    class Meta(ActionSummarySerializer.Meta):
        fields = [
            *ActionSummarySerializer.Meta.fields,
            "share_text",
            "signing_state",
            "signatures_url",
            "addressee",
            "letter",
            "body",
            "related_cases",
        ]
        read_only_fields = fields

    @classmethod
    def optimise_queryset(cls, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by()),
            Prefetch(
                "related_cases",
                queryset=ActionRelatedCase.objects.select_related("page"),
            ),
        )

    @classmethod
    def prepare(cls, pages: list[Any], context: dict[str, Any]) -> None:
        super().prepare(pages, context)
        related = [
            item for page in pages for item in _related_pages(page, "related_cases")
        ]
        ApiContext.of(context["request"]).load_translations(related)

    @extend_schema_field(AddresseeSerializer)
    def get_addressee(self, page: UrgentActionPage) -> dict[str, str]:
        return {
            "name": page.addressee_name,
            "title": page.addressee_title,
            "address": page.addressee_address,
        }

    @extend_schema_field(serializers.ChoiceField(choices=SIGNING_STATES))
    def get_signing_state(self, page: UrgentActionPage) -> str:
        return page.signing_state()

    def get_signatures_url(self, page: UrgentActionPage) -> str:
        """Where to POST a signature."""
        ctx = ApiContext.of(self.context["request"])
        return reverse(
            "api:actions-signatures",
            kwargs={"locale": ctx.language_of(page.locale_id), "slug": page.slug},
        )

    @extend_schema_field(PageLinkSerializer(many=True))
    def get_related_cases(self, page: UrgentActionPage) -> list[dict[str, Any]]:
        return page_links_data(_related_pages(page, "related_cases"), self.context)


# Text that is not only blank and holds no NUL: what the signing form accepts.
# Text a signer types: no control characters (actions.forms refuses them), and a
# name holds more than spaces. The schema carries these patterns to clients.
FILLED_TEXT = RegexValidator(
    r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f]"
    r"[^\u0000-\u001f\u007f-\u009f]*$"
)
NO_NUL = RegexValidator(r"^[^\u0000-\u001f\u007f-\u009f]*$")


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """A consent that must be given: only ``true`` is valid."""


@extend_schema_serializer(component_name="Signature")
class SignatureRequestSerializer(serializers.Serializer):
    """What a signer sends (JSON or form). ``website`` must stay empty (honeypot).

    Describes the body for the schema; ``actions.signing`` validates it.
    """

    first_name = serializers.CharField(max_length=100, validators=[FILLED_TEXT])
    last_name = serializers.CharField(max_length=100, validators=[FILLED_TEXT])
    email = serializers.EmailField(
        max_length=254,
        help_text="An address that starts with =, +, - or @ is refused: spreadsheets "
        "would read it as a formula.",
    )
    country = CountryCodeField(help_text="ISO 3166 code, e.g. BE.")
    postcode = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        allow_null=True,
        validators=[NO_NUL],
    )
    consent_privacy = ConsentField(
        help_text="Consent to the privacy notice: required, and must be true."
    )
    consent_contact = serializers.BooleanField(
        required=False, allow_null=True, help_text="Left out or null: no."
    )
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="A honeypot: leave it out or empty. A filled-in one is dropped.",
    )


class SignatureResultSerializer(serializers.Serializer):
    """The answer to every valid signature: check your mail. No count, nothing
    that differs between a new and a repeated address."""

    status = serializers.ChoiceField(choices=["pending"])
    message = serializers.CharField()


class SignatureConfirmRequestSerializer(serializers.Serializer):
    """The token of the confirmation link mailed to the signer."""

    token = serializers.CharField()


class SignatureConfirmResultSerializer(serializers.Serializer):
    """A confirmed signature: thanks and the campaign's count (all languages)."""

    status = serializers.ChoiceField(choices=["confirmed"])
    message = serializers.CharField()
    signature_count = serializers.IntegerField()


class OrganisationSerializer(serializers.ModelSerializer):
    """An organiser of a rally, in the language served."""

    website = serializers.CharField(
        help_text="The organisation's web address, or empty when it has none."
    )

    class Meta:
        model = Organisation
        fields = ["id", "name", "website"]
        read_only_fields = fields


class RallySummarySerializer(PageSerializer):
    """A rally in a list: when, where, status."""

    status = RallyStatusSerializer(source="*", read_only=True)
    starts_at = serializers.SerializerMethodField()
    ends_at = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    ical_url = serializers.SerializerMethodField()

    class Meta(PageSerializer.Meta):
        model = RallyPage
        fields = [
            *PageSerializer.Meta.fields,
            "summary",
            "status",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue_name",
            "city",
            "country",
            "ical_url",
        ]
        read_only_fields = fields

    @classmethod
    def optimise_queryset(cls, queryset: QuerySet) -> QuerySet:
        return queryset.defer("body", "report", "press_links")

    @extend_schema_field(serializers.DateTimeField())
    def get_starts_at(self, page: RallyPage) -> str:
        """In the rally's own time zone, with its UTC offset."""
        return page.local_starts_at.isoformat()

    @extend_schema_field(serializers.DateTimeField())
    def get_ends_at(self, page: RallyPage) -> str:
        return page.local_ends_at.isoformat()

    @extend_schema_field(CountrySerializer(allow_null=True))
    def get_country(self, page: RallyPage) -> dict[str, str] | None:

        if not page.country:
            return None
        return {"code": page.country.code, "name": str(page.country.name)}

    def get_ical_url(self, page: RallyPage) -> str:
        """The rally as an iCalendar file."""
        ctx = ApiContext.of(self.context["request"])
        return reverse(
            "api:rallies-ical",
            kwargs={"locale": ctx.language_of(page.locale_id), "slug": page.slug},
        )


class CoordinatesSerializer(serializers.Serializer):
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


class RallyDetailSerializer(RallySummarySerializer):
    """Everything about a rally: address, coordinates, travel notes, organisers, the
    body, and after the day the report and press links."""

    coordinates = serializers.SerializerMethodField()
    organisers = serializers.SerializerMethodField()
    body = StreamField()
    report = StreamField()
    press_links = StreamField()
    related_cases = serializers.SerializerMethodField()
    related_actions = serializers.SerializerMethodField()

    class Meta(RallySummarySerializer.Meta):
        fields = [
            *RallySummarySerializer.Meta.fields,
            "street_address",
            "postcode",
            "coordinates",
            "travel_notes",
            "organisers",
            "body",
            "report",
            "press_links",
            "related_cases",
            "related_actions",
        ]
        read_only_fields = fields

    @classmethod
    def optimise_queryset(cls, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related(
            Prefetch("organisers", queryset=Organisation.objects.order_by()),
            Prefetch(
                "related_cases",
                queryset=RallyRelatedCase.objects.select_related("page"),
            ),
            Prefetch(
                "related_actions",
                queryset=RallyRelatedAction.objects.select_related("page"),
            ),
        )

    @classmethod
    def prepare(cls, pages: list[Any], context: dict[str, Any]) -> None:
        super().prepare(pages, context)
        related = [
            item
            for page in pages
            for relation in ("related_cases", "related_actions")
            for item in _related_pages(page, relation)
        ]
        ApiContext.of(context["request"]).load_translations(related)
        context[ORGANISERS_CONTEXT_KEY] = localized_snippets(
            pages, "organisers", Organisation
        )

    @extend_schema_field(CoordinatesSerializer(allow_null=True))
    def get_coordinates(self, page: RallyPage) -> dict[str, float] | None:
        if page.latitude is None or page.longitude is None:
            return None
        return {"latitude": float(page.latitude), "longitude": float(page.longitude)}

    @extend_schema_field(OrganisationSerializer(many=True))
    def get_organisers(self, page: RallyPage) -> list[dict[str, Any]]:
        localized = self.context.get(ORGANISERS_CONTEXT_KEY, {})
        result = []
        for org in in_page_language(page, "organisers", localized):
            tags.tag(tags.snippet_tag(org))
            result.append({"id": org.pk, "name": org.name, "website": org.website})
        return sorted(result, key=lambda item: item["name"])

    @extend_schema_field(PageLinkSerializer(many=True))
    def get_related_cases(self, page: RallyPage) -> list[dict[str, Any]]:
        return page_links_data(_related_pages(page, "related_cases"), self.context)

    @extend_schema_field(PageLinkSerializer(many=True))
    def get_related_actions(self, page: RallyPage) -> list[dict[str, Any]]:
        return page_links_data(_related_pages(page, "related_actions"), self.context)
