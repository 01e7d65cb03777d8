"""Urgent actions (list, detail, signing) and rallies (list, detail, iCalendar)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from actions.choices import ActionStatus, SigningStatus
from actions.ical import calendar_response
from actions.models import RallyPage, UrgentActionPage
from actions.signing import sign_petition
from ngo_cms.api import messages
from ngo_cms.api.errors import APIError, error_body, not_found
from ngo_cms.api.schema import country_codes
from ngo_cms.api.serializers import ErrorSerializer
from ngo_cms.api.views import (
    ERROR_RESPONSES,
    FALLBACK_PARAMETER,
    LOCALE_PARAMETER,
    SLUG_PARAMETER,
    ApiViewMixin,
    PageDetailView,
    PageListView,
    choice_filter,
    enum_parameter,
    text_parameter,
)

from .serializers import (
    ActionDetailSerializer,
    ActionSummarySerializer,
    RallyDetailSerializer,
    RallySummarySerializer,
    SignatureRequestSerializer,
    SignatureResultSerializer,
)

Q_PARAMETER = text_parameter("q", "Search in the title and summary.")


class ActionListView(PageListView):
    """The live urgent actions of one language, newest first."""

    page_model = UrgentActionPage
    serializer_class = ActionSummarySerializer

    def filter_pages(self, queryset: QuerySet) -> QuerySet:
        state = choice_filter(self.request, "status", ActionStatus.values)
        if state:
            queryset = queryset.filter(status=state)
        query = self.request.query_params.get("q", "").strip()
        if query:
            queryset = queryset.filter(
                Q(title__icontains=query) | Q(summary__icontains=query)
            )
        return queryset

    @extend_schema(
        parameters=[
            LOCALE_PARAMETER,
            enum_parameter(
                "status", ActionStatus.values, "Only actions with this status."
            ),
            Q_PARAMETER,
            FALLBACK_PARAMETER,
        ],
        responses={200: ActionSummarySerializer(many=True), **ERROR_RESPONSES},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class ActionDetailView(PageDetailView):
    """One urgent action, with its signature count (all languages) and goal."""

    page_model = UrgentActionPage
    serializer_class = ActionDetailSerializer

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER, FALLBACK_PARAMETER],
        responses={200: ActionDetailSerializer, 404: ERROR_RESPONSES[404]},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class SigningThrottle(AnonRateThrottle):
    """Signatures per client (IP address), at the ``signing`` rate of settings.

    The rate is read on each request rather than when DRF is imported, so that a
    test (or a settings change) can relax it.
    """

    scope = "signing"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class SignatureCreateView(ApiViewMixin, generics.GenericAPIView):
    """Sign an urgent action (JSON or form body).

    201 when the signature counts, and the same answer when it is silently dropped
    (an address that already signed, a bot): nobody can learn who signed. 400 with
    per-field messages, 409 when the action is closed or not open yet, 429 when a
    client signs too often. Nothing the signer sent is ever echoed back.
    """

    serializer_class = SignatureRequestSerializer
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    throttle_classes = [SigningThrottle]
    cache_responses = False

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER],
        # A form body is accepted too (for pages without JavaScript); clients and
        # the contract tests use JSON.
        request={"application/json": SignatureRequestSerializer},
        responses={
            201: SignatureResultSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Invalid data."),
            413: OpenApiResponse(ErrorSerializer, description="The body is too large."),
            404: ERROR_RESPONSES[404],
            409: OpenApiResponse(
                ErrorSerializer, description="The action is closed or not open yet."
            ),
            415: OpenApiResponse(
                ErrorSerializer, description="The body is neither JSON nor a form."
            ),
            429: OpenApiResponse(
                ErrorSerializer,
                description="Too many signatures from this client; Retry-After "
                "says in how many seconds to try again.",
            ),
        },
    )
    def post(self, request: Request, locale: str, slug: str) -> Response:
        language = self.api.locale(locale).language_code
        action = (
            self.api.visible(
                UrgentActionPage.objects.filter(
                    locale__language_code=language, slug=slug
                )
            )
            .order_by()
            .first()
        )
        if action is None:
            raise not_found(messages.UNKNOWN_SLUG, code="unknown_slug", slug=slug)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if _content_length(request) > limit:
            raise APIError(
                messages.TOO_LARGE,
                code="too_large",
                status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                params={"limit": limit},
            )
        if not isinstance(request.data, Mapping):
            raise APIError(messages.PARSE_ERROR, code="parse_error")
        if request.content_type.startswith("application/json"):
            wrong = json_type_errors(request.data)
            if wrong:
                raise APIError(messages.INVALID_DATA, code="invalid_data", errors=wrong)
        data = {
            key: request.data.get(key) for key in SignatureRequestSerializer().fields
        }
        result = sign_petition(action, data, language_code=language)
        if result.status in (SigningStatus.SIGNED, SigningStatus.DROPPED):
            body = {
                "status": SigningStatus.SIGNED.value,
                "message": str(messages.SIGNED),
                "signature_count": result.signature_count,
            }
            return self.served_in(
                Response(body, status=status.HTTP_201_CREATED), language
            )
        if result.status == SigningStatus.INVALID:
            raise APIError(
                messages.INVALID_DATA,
                code="invalid_data",
                errors=result.errors,
            )
        message = "; ".join(result.errors.get("__all__", [])) or str(
            messages.INVALID_DATA
        )
        return self.served_in(
            Response(
                error_body(409, str(result.status), message),
                status=status.HTTP_409_CONFLICT,
            ),
            language,
        )


class RallyListView(PageListView):
    """The live rallies of one language: all (latest first), upcoming (soonest first)
    or past (most recent first)."""

    page_model = RallyPage
    serializer_class = RallySummarySerializer

    def get_ordering(self) -> tuple[str, ...]:
        when = choice_filter(self.request, "when", ["upcoming", "past"])
        return ("starts_at", "pk") if when == "upcoming" else ("-starts_at", "-pk")

    def filter_pages(self, queryset: QuerySet) -> QuerySet:
        when = choice_filter(self.request, "when", ["upcoming", "past"])
        now = timezone.now()
        if when == "upcoming":
            queryset = queryset.filter(ends_at__gte=now)
        elif when == "past":
            queryset = queryset.filter(ends_at__lt=now)
        query = self.request.query_params.get("q", "").strip()
        if query:
            queryset = queryset.filter(
                Q(title__icontains=query)
                | Q(summary__icontains=query)
                | Q(city__icontains=query)
            )
        return queryset

    @extend_schema(
        parameters=[
            LOCALE_PARAMETER,
            enum_parameter(
                "when",
                ["upcoming", "past"],
                "upcoming: not ended yet, soonest first; past: ended, most recent "
                "first. Default: all, latest first.",
            ),
            text_parameter("q", "Search in the title, summary and city."),
            FALLBACK_PARAMETER,
        ],
        responses={200: RallySummarySerializer(many=True), **ERROR_RESPONSES},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RallyDetailView(PageDetailView):
    """One rally by its slug in the requested language."""

    page_model = RallyPage
    serializer_class = RallyDetailSerializer

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER, FALLBACK_PARAMETER],
        responses={200: RallyDetailSerializer, 404: ERROR_RESPONSES[404]},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RallyCalendarView(ApiViewMixin, generics.GenericAPIView):
    """One rally as an iCalendar file (text/calendar)."""

    serializer_class = RallyDetailSerializer

    @extend_schema(
        operation_id="rallies_ical_retrieve",
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER],
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="An iCalendar (RFC 5545) file."
            ),
            (404, "application/json"): ERROR_RESPONSES[404],
        },
    )
    def get(self, request: Request, locale: str, slug: str) -> HttpResponse:
        locale_obj = self.api.locale(locale)
        rally = (
            self.api.visible(RallyPage.objects.filter(locale=locale_obj, slug=slug))
            .order_by()
            .first()
        )
        if rally is None:
            raise not_found(messages.UNKNOWN_SLUG, code="unknown_slug", slug=slug)
        return calendar_response(
            request, [rally], language_code=locale, filename=f"{rally.slug}.ics"
        )


class RallyFeedView(ApiViewMixin, generics.GenericAPIView):
    """The upcoming rallies of one language as an iCalendar feed to subscribe to."""

    serializer_class = RallySummarySerializer

    @extend_schema(
        operation_id="rallies_feed_retrieve",
        parameters=[LOCALE_PARAMETER],
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="An iCalendar (RFC 5545) feed."
            ),
            (404, "application/json"): ERROR_RESPONSES[404],
        },
    )
    def get(self, request: Request, locale: str) -> HttpResponse:
        locale_obj = self.api.locale(locale)
        rallies = self.api.visible(
            RallyPage.objects.filter(locale=locale_obj, ends_at__gte=timezone.now())
        ).order_by("starts_at")
        return calendar_response(
            request, rallies, language_code=locale, filename=f"rallies-{locale}.ics"
        )


def json_type_errors(data: Any) -> dict[str, list[str]]:
    """Per-field messages for the values of a JSON signing body that do not have the
    type the schema gives them (text, true/false, a country code).

    The signing form reads text, so ``{"first_name": 12}`` or ``"consent_contact":
    "yes"`` would pass it; the API's contract says text and booleans, and keeps to it.
    """
    if not isinstance(data, Mapping):
        return {}
    errors: dict[str, list[str]] = {}
    for name, field in SignatureRequestSerializer().fields.items():
        if name not in data:
            continue
        value = data[name]
        if isinstance(field, serializers.BooleanField):
            if not isinstance(value, bool):
                errors[name] = [str(messages.NOT_A_BOOLEAN)]
        elif not isinstance(value, str):
            errors[name] = [str(messages.NOT_TEXT)]
        elif name == "country" and value not in country_codes():
            errors[name] = [str(messages.BAD_COUNTRY)]
    return errors


def _content_length(request: Request) -> int:
    """The declared size of the request body in bytes (0 when absent or malformed)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
