"""Urgent actions (list, detail, signing) and rallies (list, detail, iCalendar)."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import Throttled
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from actions import throttle
from actions.choices import ActionStatus, SigningStatus
from actions.ical import calendar_response
from actions.models import RallyPage, UrgentActionPage
from actions.models.rallies import RallyQuerySet
from actions.signing import InvalidToken, confirm_signature, sign_petition
from ngo_cms.api import caching, messages, tags
from ngo_cms.api.errors import APIError, error_body, not_found, unavailable_body
from ngo_cms.api.parsers import StrictJSONParser
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
    SignatureConfirmRequestSerializer,
    SignatureConfirmResultSerializer,
    SignatureRequestSerializer,
    SignatureResultSerializer,
)

Q_PARAMETER = text_parameter("q", "Search in the title and summary.")


@extend_schema_view(
    get=extend_schema(
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
)
class ActionListView(PageListView):
    """The live urgent actions of one language, newest first."""

    page_model = UrgentActionPage
    serializer_class = ActionSummarySerializer
    query_parameters = (*PageListView.query_parameters, "status", "q")
    search_fields = ("title", "summary")

    def filter_pages(self, queryset: QuerySet) -> QuerySet:
        state = choice_filter(self.request, "status", ActionStatus.values)
        if state:
            queryset = queryset.filter(status=state)
        return queryset


@extend_schema_view(
    get=extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER, FALLBACK_PARAMETER],
        responses={200: ActionDetailSerializer, 404: ERROR_RESPONSES[404]},
    )
)
class ActionDetailView(PageDetailView):
    """One urgent action, with its signature count (all languages) and goal."""

    page_model = UrgentActionPage
    serializer_class = ActionDetailSerializer


def _unavailable() -> APIError:
    """503: the throttle's cache cannot be reached, so nobody signs right now."""
    seconds = throttle.UNAVAILABLE_RETRY_AFTER
    return APIError(
        unavailable_body(seconds)["message"],
        code="unavailable",
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(seconds)},
    )


# The signable actions this process has looked up, for the content state they were
# read in: {"generation": (generation, version of the urgent actions' list tag),
# "pages": {(locale, slug): page}}. Publishing or unpublishing an urgent action
# moves on that tag, and a move, view restriction or locale change bumps the
# generation (both shared by every worker through the cache), which empties this;
# the one rule that depends on the clock (``expire_at``) is checked on every use.
# A page is also read again after PETITION_MAX_AGE seconds, for changes saved
# without publishing (a script calling ``save()``).
_petitions: dict[str, Any] = {"generation": None, "pages": {}}
PETITION_CACHE_SIZE = 256
PETITION_MAX_AGE = 60.0


def _signable_action(view: ApiViewMixin, locale: str, slug: str) -> UrgentActionPage:
    """The live, public action at ``slug`` in ``locale``, or a JSON 404.

    Signing is the API's hottest write: the page (with its locale) is read from
    the database once per content generation and process, then served from
    memory, so that a signature costs no page, locale or view-restriction query.
    """
    actions_tag = tags.TAG_KEY_PREFIX + tags.list_tag(UrgentActionPage)
    state = caching.cache.get_many([caching.GENERATION_KEY, actions_tag])
    if caching.GENERATION_KEY not in state:
        state[caching.GENERATION_KEY] = caching.current_generation()
    stamp = (state[caching.GENERATION_KEY], state.get(actions_tag))
    if _petitions["generation"] != stamp:
        _petitions.update(generation=stamp, pages={})
    pages = _petitions["pages"]
    action, read_at = pages.get((locale, slug), (None, 0.0))
    if (
        action is not None
        and time.monotonic() - read_at < PETITION_MAX_AGE
        and (action.expire_at is None or action.expire_at > timezone.now())
    ):
        return action
    language = view.api.locale(locale).language_code
    action = (
        view.api.visible(
            UrgentActionPage.objects.filter(locale__language_code=language, slug=slug)
        )
        .select_related("locale")
        .order_by()
        .first()
    )
    if action is None:
        raise not_found(messages.UNKNOWN_SLUG, code="unknown_slug", slug=slug)
    if len(pages) < PETITION_CACHE_SIZE or (locale, slug) in pages:
        pages[(locale, slug)] = (action, time.monotonic())
    return action


@functools.cache
def _signature_fields() -> tuple[str, ...]:
    """The names of the signing body's fields (a serializer's ``fields`` deep-copies
    every field each time it is built: once per process is enough)."""
    return tuple(SignatureRequestSerializer().fields)


def _body(request: Request, names: Any) -> dict[str, Any]:
    """The known fields of a JSON object or form body; anything else is a 400."""
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
    return {key: request.data.get(key) for key in names}


class SignatureCreateView(ApiViewMixin, generics.GenericAPIView):
    """Sign an urgent action (JSON or form body).

    202 with the same body whatever happens to a valid request: a new address
    (stored as pending; a confirmation mail goes out), an address that is pending
    or already signed (the owner is mailed), a bot caught by the honeypot. The
    answer carries no count: nobody can learn who signed. 400 with per-field
    messages, 409 when the action is closed or not open yet, 429 when a client or
    the campaign signs too often, 503 when the throttle cannot be reached. Nothing
    the signer sent is ever echoed back.
    """

    serializer_class = SignatureRequestSerializer
    parser_classes = [StrictJSONParser, FormParser, MultiPartParser]
    cache_responses = False

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER],
        # A form body is accepted too (for pages without JavaScript); clients and
        # the contract tests use JSON.
        request={"application/json": SignatureRequestSerializer},
        responses={
            202: SignatureResultSerializer,
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
            503: OpenApiResponse(
                ErrorSerializer, description="Signing is briefly unavailable."
            ),
        },
    )
    def post(self, request: Request, locale: str, slug: str) -> Response:
        action = _signable_action(self, locale, slug)
        language = action.locale.language_code
        data = _body(request, _signature_fields())
        try:
            result = sign_petition(
                action,
                data,
                language_code=language,
                client=throttle.client_ident(request),
                json=not isinstance(request.data, QueryDict),
            )
        except throttle.ThrottleUnavailable:
            raise _unavailable() from None
        except throttle.Throttled as exc:
            raise Throttled(wait=exc.wait) from None
        if result.ok:
            body = {
                "status": SigningStatus.PENDING.value,
                "message": str(messages.SIGNING_PENDING),
            }
            return Response(body, status=status.HTTP_202_ACCEPTED)
        if result.status == SigningStatus.INVALID:
            raise APIError(
                messages.INVALID_DATA,
                code="invalid_data",
                errors=result.errors,
            )
        message = "; ".join(result.errors.get("__all__", [])) or str(
            messages.INVALID_DATA
        )
        return Response(
            error_body(409, str(result.status), message),
            status=status.HTTP_409_CONFLICT,
        )


class SignatureConfirmView(ApiViewMixin, generics.GenericAPIView):
    """Confirm a signature with the token of the mailed link (headless front ends).

    200 with the campaign's count once confirmed (again 200 when it already was);
    404 ``invalid_token`` for a token this site never signed (a link copied wrong),
    410 ``expired_token`` for one that is too old; 429 and 503 as for signing.
    """

    serializer_class = SignatureConfirmRequestSerializer
    parser_classes = [StrictJSONParser, FormParser, MultiPartParser]
    cache_responses = False

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER],
        request=SignatureConfirmRequestSerializer,
        responses={
            200: SignatureConfirmResultSerializer,
            400: OpenApiResponse(ErrorSerializer, description="No token was sent."),
            404: OpenApiResponse(
                ErrorSerializer,
                description="Unknown action, or a token this site never issued "
                "(code invalid_token).",
            ),
            410: OpenApiResponse(
                ErrorSerializer,
                description="The token has expired (code expired_token): sign again.",
            ),
            429: OpenApiResponse(ErrorSerializer, description="Too many attempts."),
            503: OpenApiResponse(
                ErrorSerializer, description="Confirming is briefly unavailable."
            ),
        },
    )
    def post(self, request: Request, locale: str, slug: str) -> Response:
        action = _signable_action(self, locale, slug)
        token = _body(request, ["token"])["token"]
        try:
            wait = throttle.hit(confirm=throttle.client_ident(request))
        except throttle.ThrottleUnavailable:
            raise _unavailable() from None
        if wait is not None:
            raise Throttled(wait=wait)
        if not isinstance(token, str) or not token:
            raise APIError(messages.INVALID_TOKEN, code="invalid_token")
        try:
            count = confirm_signature(action, token)
        except InvalidToken as error:
            if error.expired:
                raise APIError(
                    messages.EXPIRED_TOKEN,
                    code="expired_token",
                    status_code=status.HTTP_410_GONE,
                ) from None
            raise APIError(
                messages.INVALID_TOKEN,
                code="invalid_token",
                status_code=status.HTTP_404_NOT_FOUND,
            ) from None
        body = {
            "status": SigningStatus.CONFIRMED.value,
            "message": str(messages.SIGNATURE_CONFIRMED),
            "signature_count": count,
        }
        return Response(body)


@extend_schema_view(
    get=extend_schema(
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
)
class RallyListView(PageListView):
    """The live rallies of one language: all (latest first), upcoming (soonest first)
    or past (most recent first)."""

    page_model = RallyPage
    serializer_class = RallySummarySerializer
    query_parameters = (*PageListView.query_parameters, "when", "q")
    search_fields = ("title", "summary", "city")

    def get_ordering(self) -> tuple[str, ...]:
        when = choice_filter(self.request, "when", ["upcoming", "past"])
        if when == "upcoming":
            return RallyQuerySet.UPCOMING_ORDER
        return RallyQuerySet.PAST_ORDER

    def filter_pages(self, queryset: RallyQuerySet) -> QuerySet:
        when = choice_filter(self.request, "when", ["upcoming", "past"])
        if when == "upcoming":
            return queryset.upcoming()
        if when == "past":
            return queryset.past()
        return queryset


@extend_schema_view(
    get=extend_schema(
        parameters=[LOCALE_PARAMETER, SLUG_PARAMETER, FALLBACK_PARAMETER],
        responses={200: RallyDetailSerializer, 404: ERROR_RESPONSES[404]},
    )
)
class RallyDetailView(PageDetailView):
    """One rally by its slug in the requested language."""

    page_model = RallyPage
    serializer_class = RallyDetailSerializer


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
        tags.tag_pages([rally])
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
            RallyPage.objects.filter(locale=locale_obj)
        ).upcoming()
        tags.tag(tags.list_tag(RallyPage))
        return calendar_response(
            request, rallies, language_code=locale, filename=f"rallies-{locale}.ics"
        )


def _content_length(request: Request) -> int:
    """The declared size of the request body in bytes (0 when absent or malformed)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
