"""The API's generic views and the endpoints that belong to no app.

:class:`ApiViewMixin` gives every endpoint its language (from the URL), JSON errors
and HTTP caching. :class:`PageListView` and :class:`PageDetailView` are the bases of
the apps' list and detail endpoints: they serve only live, public pages of the URL's
locale, and the detail falls back to the default language with ``?fallback=1``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.settings import patched_settings
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from . import caching, messages, tags
from .context import (
    ApiContext,
    content_languages,
    default_language,
    request_language,
)
from .errors import APIError, bad_request, error_body, exception_handler, not_found
from .negotiation import SchemaNegotiation
from .pagination import PagePagination
from .registry import (
    PageType,
    get_page_type,
    registered_endpoints,
    registered_page_types,
)
from .search import RANK, text_search
from .serializers import (
    ErrorSerializer,
    IndexSerializer,
    LocaleSerializer,
    NavigationSerializer,
    RedirectSerializer,
    locale_data,
    page_link_data,
    page_links_data,
)
from .spectacular import schema_settings

API_ROOT = "/api/v1/"
# Patterns the server checks as the schema says (ECMA-262 syntax, which Python's
# ``re`` reads alike). No parameter may hold a NUL character: the databases cannot
# compare with it, and the server answers 400 (see ApiViewMixin.check_parameters).
TEXT_PATTERN = "^[^\\u0000]*$"
NON_EMPTY_TEXT_PATTERN = "^[^\\u0000]+$"
SLUG_PATTERN = "^[-\\w]+$"
SLUG_RE = re.compile(r"^[-\w]+\Z")

LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    {"$ref": "#/components/schemas/LocaleCodeEnum"},
    OpenApiParameter.PATH,
    description="Language of the content: en, nl or fr.",
)
SLUG_PARAMETER = OpenApiParameter(
    "slug",
    {"type": "string", "pattern": SLUG_PATTERN},
    OpenApiParameter.PATH,
    description="The page's slug in that language.",
)
FALLBACK_PARAMETER = OpenApiParameter(
    "fallback",
    {"type": "integer", "enum": [0, 1]},
    OpenApiParameter.QUERY,
    description="1: when the page has no live translation in this language, serve "
    "the first live one of the language's fallback chain (by default the default "
    'language) with "fallback": true instead of a 404. 0 (the default): never.',
)


def text_parameter(
    name: str, description: str, *, required: bool = False, example: str | None = None
) -> OpenApiParameter:
    """A free-text query parameter (any text without NUL; non-empty if required)."""
    pattern = NON_EMPTY_TEXT_PATTERN if required else TEXT_PATTERN
    return OpenApiParameter(
        name,
        {"type": "string", "pattern": pattern},
        OpenApiParameter.QUERY,
        required=required,
        description=description,
        examples=[OpenApiExample(name, value=example)] if example else None,
    )


def enum_parameter(name: str, choices: list[str], description: str) -> OpenApiParameter:
    """A query parameter that takes one of ``choices`` (an empty value is a 400)."""
    return OpenApiParameter(
        name, {"type": "string", "enum": list(choices)}, description=description
    )


ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Bad parameter value."),
    404: OpenApiResponse(ErrorSerializer, description="Unknown locale or page."),
}


def _has_nul(request: HttpRequest) -> bool:
    """Whether the path or any query parameter (name or value) holds a NUL."""
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in name or any("\x00" in value for value in values)
        for name, values in request.GET.lists()
    )


def fallback_requested(request: Request) -> bool:
    """Whether ``?fallback=1`` asks for the language's fallback chain.

    Raises:
        APIError: 400 ``invalid_filter`` for a value other than 0 or 1.
    """
    return choice_filter(request, "fallback", ["0", "1"]) == "1"


class ApiViewMixin:
    """Language from the URL, JSON errors, ETag/Last-Modified/Cache-Control and the
    server-side response cache for every GET.

    Attributes:
        cache_responses: keep rendered GET answers in Django's cache (the preview
            and the signing endpoint turn it off).
        query_parameters: the query parameters the endpoint reads; the cache key
            covers these and no other, so a new one must be named here.
        content_independent: the answer does not depend on content (the schema):
            it is cached across content generations.
        cache_timeout: how long (seconds) a rendered answer stays in that cache if
            no publication makes it stale first.
        language_from_url: the URL names the locale; otherwise the answer is in the
            default language (never chosen by Accept-Language, so that shared
            caches need no ``Vary: Accept-Language``).
        vary_on_accept: the answer's format follows the Accept header (the schema).
    """

    cache_responses = True
    cache_timeout = caching.RESPONSE_TIMEOUT
    language_from_url = True
    vary_on_accept = False
    content_independent = False
    query_parameters: tuple[str, ...] = ()

    @classmethod
    def cache_query_parameters(cls) -> tuple[str, ...]:
        """The query parameters that can change this endpoint's answer: the only
        ones in its cache key. ``format`` is DRF's renderer override."""
        return ("format", *cls.query_parameters)

    # The API's own DRF configuration, so that a host project needs no
    # REST_FRAMEWORK settings: JSON only, public (no sessions, no CSRF), our error
    # body, and drf-spectacular's schema whatever the host's default schema class.
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = AutoSchema()

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return exception_handler

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = self.get_language(request, kwargs)
        refused = self.check_parameters(request, kwargs, language)
        if refused is not None:
            return refused
        if request.method not in ("GET", "HEAD"):
            with translation.override(language):
                response = super().dispatch(request, *args, **kwargs)
            response.setdefault("Content-Language", language)
            return response
        generation, started = caching.current_generation()
        use_cache = self.cache_responses and caching.response_cache_enabled()
        key = caching.response_key(
            request,
            language,
            0 if self.content_independent else generation,
            self.cache_query_parameters(),
        )
        if self.vary_on_accept:
            key += ":" + self.negotiated_format(request)
        if use_cache:
            # The hot path: a rendered answer of the current generation whose tags
            # have not moved on, served without DRF, the database or a language.
            frozen = caching.cache.get(key)
            if frozen is not None:
                current = caching.thaw_if_current(frozen)
                if current is not None:
                    current[0]["X-Cache"] = "hit"
                    return caching.conditional(request, *current)
        render_started = tags._clock()
        with tags.collecting() as collected, translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        response.setdefault("Content-Language", language)
        if response.status_code >= 500:
            return response
        response["X-Cache"] = "miss"
        if not self.cache_responses:
            response["Cache-Control"] = "private, no-store"
            return response
        if self.content_independent:
            collected.clear()
        elif response.status_code == 404 or not collected:
            # A page may be published at this address; an answer that names
            # nothing is refreshed by any publication, as before tags.
            collected.add(tags.MISS)
        tag_versions = (
            tags.versions(collected, create_at=render_started) if collected else {}
        )
        last_modified = caching.tags_last_modified(tag_versions, started)
        if collected:
            caching.add_tag_headers(response, collected)
        caching.add_cache_headers(response, last_modified)
        if self.vary_on_accept:
            caching.patch_vary_headers(response, ["Accept"])
        moved_on = any((value or 0) > render_started for value in tag_versions.values())
        if use_cache and response.status_code in (200, 404) and not moved_on:
            caching.cache.set(
                key,
                caching.freeze(response, tag_versions, last_modified),
                self.cache_timeout,
            )
        return caching.conditional(request, response, last_modified)

    def get_language(self, request: HttpRequest, kwargs: dict[str, Any]) -> str:
        return request_language(request, kwargs.get("locale"))

    def negotiated_format(self, request: HttpRequest) -> str:
        """The media type DRF will answer in, for the cache key: the raw Accept
        header would let every distinct header make (and render) a new entry."""
        try:
            renderer, media_type = self.get_content_negotiator().select_renderer(
                Request(request), self.get_renderers()
            )
        except Exception:  # noqa: BLE001 - any failure: one shared "other" entry
            return "other"
        return f"{renderer.format}:{media_type}"

    def check_parameters(
        self, request: HttpRequest, kwargs: dict[str, Any], language: str
    ) -> HttpResponse | None:
        """A 400 for a query parameter given twice, or for a NUL character in the
        path or the query; None when the request is fine.

        Every endpoint reads one value per parameter, and no database compares
        text with NUL (PostgreSQL's driver raises, which would be a 500): refusing
        both here keeps the answers as the schema says.
        """
        with translation.override(language):
            error = None
            if _has_nul(request):
                error = bad_request(messages.NUL_CHARACTER, code="nul_character")
            for name in request.GET:
                values = request.GET.getlist(name)
                if error is None and len(values) > 1:
                    error = invalid_filter(name, values[-1])
                    break
            if error is None:
                return None
            body = error_body(
                error.status_code, error.code, error.render_message(), error.errors
            )
        response = JsonResponse(body, status=error.status_code)
        response["Content-Language"] = language
        response["Cache-Control"] = "private, no-store"
        return response

    @property
    def api(self) -> ApiContext:
        return ApiContext.of(self.request)


class PageListView(ApiViewMixin, generics.ListAPIView):
    """Base of the lists of one page type in one locale (``/api/v1/{locale}/…/``).

    Subclasses set ``page_model`` and ``serializer_class`` and may override
    ``filter_pages``. Only live, public pages that are real translations (not
    wagtail-localize aliases) are listed.
    """

    page_model: type[Page] = Page
    pagination_class = PagePagination
    default_ordering: tuple[str, ...] = ("-first_published_at", "pk")
    # The text fields ``?q=`` searches (ngo_cms.api.search); empty: no search.
    search_fields: tuple[str, ...] = ()
    query_parameters = ("page", "page_size", "fallback")

    def get_queryset(self) -> QuerySet:
        locale = self.api.locale(self.kwargs["locale"])
        manager = self.page_model._default_manager
        if fallback_requested(self.request):
            queryset = self.best_translations(manager, self.kwargs["locale"])
        else:
            queryset = self.api.visible(manager.filter(locale=locale))
        queryset = text_search(
            self.filter_pages(queryset),
            self.request.query_params.get("q", ""),
            list(self.search_fields),
            self.api.locale(self.kwargs["locale"]).language_code,
        )
        ordering = self.get_ordering()
        if RANK in queryset.query.annotations and "ordering" not in (
            self.request.query_params
        ):
            # A search is answered most relevant first, unless a sort was asked.
            ordering = (f"-{RANK}", *ordering)
        return self.serializer_class.optimise_queryset(queryset.order_by(*ordering))

    def best_translations(self, manager: Any, language: str) -> QuerySet:
        """One page per translation key: the live, public version in ``language``,
        or else in the first language of its fallback chain that has one.

        Decided by the database (one ``NOT EXISTS`` per step of the chain), so a
        list costs the same number of queries with or without fallback.
        """
        locales = [self.api.locales[language]] + [
            self.api.locales[code]
            for code in fallback_chain(language)
            if code in self.api.locales
        ]
        visible = self.api.visible_q()
        best = Q(locale=locales[0])
        for position, locale in enumerate(locales[1:], start=1):
            better = manager.filter(
                visible,
                translation_key=OuterRef("translation_key"),
                locale__in=locales[:position],
            )
            best |= Q(locale=locale) & ~Exists(better)
        return manager.filter(visible, best, locale__in=locales)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if fallback_requested(self.request):
            context["requested_language"] = self.kwargs["locale"]
        return context

    def get_ordering(self) -> tuple[str, ...]:
        return self.default_ordering

    def filter_pages(self, queryset: QuerySet) -> QuerySet:
        """Apply the endpoint's query parameters; raise 400 on a bad value."""
        return queryset

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.get_queryset()
        pages = self.paginate_queryset(queryset)
        context = self.get_serializer_context()
        limit_cache_timeout(self, self.serializer_class)
        self.serializer_class.prepare(pages, context)
        serializer = self.serializer_class(pages, many=True, context=context)
        tags.tag(tags.list_tag(self.page_model))
        return self.get_paginated_response(serializer.data)


def choice_filter(request: Request, name: str, choices: list[str]) -> str | None:
    """The value of query parameter ``name`` if it is one of ``choices``.

    Raises:
        APIError: 400 ``invalid_filter`` with the parameter's allowed values.
    """
    value = request.query_params.get(name)
    if value is None:
        return None
    if value not in choices:
        params = {"value": value, "name": name, "choices": ", ".join(choices)}
        raise APIError(
            messages.BAD_CHOICE,
            code="invalid_filter",
            params=params,
            errors={name: [str(messages.BAD_CHOICE) % params]},
        )
    return value


def invalid_filter(name: str, value: str) -> APIError:
    params = {"value": value, "name": name}
    return APIError(
        messages.BAD_VALUE,
        code="invalid_filter",
        params=params,
        errors={name: [str(messages.BAD_VALUE) % params]},
    )


class PageDetailView(ApiViewMixin, generics.RetrieveAPIView):
    """Base of the detail of one page type by locale and slug.

    A page with no live translation in the locale (no page, a draft, an untranslated
    alias) answers 404; with ``?fallback=1`` the default-language version is served
    with ``"fallback": true`` and ``Content-Language`` naming its language.
    """

    page_model: type[Page] = Page
    query_parameters = ("fallback",)

    def get_queryset(self) -> QuerySet:
        return self.serializer_class.optimise_queryset(
            self.page_model._default_manager.all()
        )

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        locale = self.api.locale(kwargs["locale"])
        slug = kwargs["slug"]
        page, fallback = find_page(
            self.api,
            self.get_queryset(),
            Q(locale=locale, slug=slug),
            fallback=fallback_requested(request),
            default_q=Q(slug=slug),
            language=kwargs["locale"],
        )
        if page is None:
            raise not_found(messages.UNKNOWN_SLUG, code="unknown_slug", slug=slug)
        return serve_page(self, page, fallback=fallback)


def fallback_chain(language: str) -> list[str]:
    """The languages to try, in order, when a page is missing in ``language``.

    ``API_LOCALE_FALLBACKS`` maps a language code to its ordered list (e.g.
    ``{"fr": ["nl", "en"]}``); a language it does not name falls back to the
    default language, and the default language to nothing.
    """
    chains = getattr(settings, "API_LOCALE_FALLBACKS", {}) or {}
    default = default_language()
    chain = chains.get(language, [] if language == default else [default])
    languages = content_languages()
    seen = {language}
    result = []
    for code in chain:
        if code in languages and code not in seen:
            seen.add(code)
            result.append(code)
    return result


def find_page(
    api: ApiContext,
    queryset: QuerySet,
    lookup: Q,
    *,
    fallback: bool,
    default_q: Q | None = None,
    language: str | None = None,
) -> tuple[Page | None, bool]:
    """The page to serve for ``lookup``, and whether it is a fallback.

    Args:
        api: the request's API context.
        queryset: where to look (all pages of the type, with their prefetching).
        lookup: the page in the requested locale.
        fallback: whether the client asked for the language's fallback chain when
            the page is missing in the requested one.
        default_q: how to find the page in a fallback language when nothing at all
            matches ``lookup`` (e.g. the same slug).
        language: the requested language (default: the language of the page
            ``lookup`` finds).
    """
    candidate = queryset.filter(lookup).first()
    if candidate is not None and api.is_visible(candidate):
        return candidate, False
    if not fallback:
        return None, False
    if language is None:
        if candidate is None:
            return None, False
        language = api.language_of(candidate.locale_id)
    for code in fallback_chain(language):
        locale = api.locales.get(code)
        if locale is None:
            continue
        if candidate is not None:
            source = queryset.filter(
                translation_key=candidate.translation_key, locale=locale
            ).first()
        elif default_q is not None:
            source = queryset.filter(default_q, locale=locale).first()
        else:
            source = None
        # A translation that exists but is not live is never served: try the next.
        if source is not None and api.is_visible(source):
            return source, True
    return None, False


def limit_cache_timeout(view: Any, serializer_class: type) -> None:
    """Keep the answer in the response cache no longer than the serializer allows."""
    timeout = getattr(serializer_class, "cache_timeout", None)
    if timeout is not None and hasattr(view, "cache_timeout"):
        view.cache_timeout = min(view.cache_timeout, timeout)


def serve_page(view: APIView, page: Page, *, fallback: bool) -> Response:
    """A detail response for ``page`` in its own language (the envelope + type)."""
    serializer_class = get_page_type(type(page)).serializer
    limit_cache_timeout(view, serializer_class)
    context = {"request": view.request, "view": view, "fallback": fallback}
    language = ApiContext.of(view.request).language_of(page.locale_id)
    with translation.override(language):
        serializer_class.prepare([page], context)
        data = serializer_class(page, context=context).data
    response = Response(data)
    response["Content-Language"] = language
    return response


# --- Endpoints of ngo_cms ----------------------------------------------------------
class IndexView(ApiViewMixin, APIView):
    """The entry point: the site's languages and the address of every endpoint."""

    language_from_url = False

    @extend_schema(responses={200: IndexSerializer}, operation_id="api_index")
    def get(self, request: Request) -> Response:
        endpoints = {}
        for key, (name, takes_locale) in registered_endpoints().items():
            try:
                url = reverse(name, kwargs={"locale": "LOCALE"} if takes_locale else {})
            except NoReverseMatch:
                continue
            endpoints[key] = url.replace("LOCALE", "{locale}")
        tags.tag(tags.NAV)
        return Response({"locales": locale_data(), "endpoints": endpoints})


class LocaleListView(ApiViewMixin, APIView):
    """The site's languages (``code``, ``name`` in its own language, ``is_default``)."""

    language_from_url = False

    @extend_schema(responses={200: LocaleSerializer(many=True)})
    def get(self, request: Request) -> Response:
        tags.tag(tags.NAV)
        return Response(locale_data())


def home_page(api: ApiContext, language: str) -> Page | None:
    """The live home page (site root) of ``language``."""
    for root in api.root_paths:
        if root.language_code == language:
            page = Page.objects.filter(url_path=root.root_path).first()
            if page is not None and api.is_visible(page):
                return page
    return None


class NavigationView(ApiViewMixin, APIView):
    """A locale's menu: its home page and the live section pages shown in menus."""

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses={200: NavigationSerializer, 404: ERROR_RESPONSES[404]},
    )
    def get(self, request: Request, locale: str) -> Response:
        tags.tag(tags.NAV)
        self.api.locale(locale)
        home = home_page(self.api, locale)
        if home is None:
            raise not_found(
                messages.UNKNOWN_PATH, code="unknown_path", path=f"/{locale}/"
            )
        children = list(
            self.api.visible(
                Page.objects.child_of(home).filter(show_in_menus=True)
            ).order_by("path")
        )
        context = {"request": request}
        self.api.load_translations([home, *children])
        return Response(
            {
                "locale": locale,
                "home": page_link_data(home, context),
                "items": page_links_data(children, context),
            }
        )


class ResolveView(ApiViewMixin, APIView):
    """Any page by its public path (``?path=/nl/zaken/…/``), or the redirect that
    Wagtail's redirects module has for that path, or a 404."""

    query_parameters = ("path", "fallback")

    @extend_schema(
        parameters=[
            text_parameter(
                "path",
                "A public path such as /nl/zaken/ahmadreza-djalali/.",
                required=True,
                example="/nl/",
            ),
            FALLBACK_PARAMETER,
        ],
        responses={
            200: OpenApiResponse(
                PolymorphicProxySerializer(
                    component_name="ResolvedPage",
                    serializers=lambda: served_types(with_redirect=True),
                    resource_type_field_name="type",
                ),
                description="The page (envelope plus the fields of its type, told "
                "apart by ``type``), or a redirect object for a redirected path.",
            ),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        given = request.query_params.get("path", "")
        if not given:
            raise bad_request(messages.MISSING_PATH, code="missing_path")
        raw = given.strip()
        path = unquote(urlsplit(raw).path) or "/"
        if not path.startswith("/"):
            path = "/" + path
        if not path.endswith("/"):
            path += "/"
        language, url_path = self.split(path)
        if url_path is not None:
            with translation.override(language):
                response = self.serve_path(request, url_path)
            if response is not None:
                return response
        redirect = self.find_redirect(raw)
        if redirect is not None:
            return Response(redirect)
        raise not_found(messages.UNKNOWN_PATH, code="unknown_path", path=raw)

    def get_language(self, request: HttpRequest, kwargs: dict[str, Any]) -> str:
        path = request.GET.get("path", "")
        first = path.strip().strip("/").split("/", 1)[0]
        return request_language(request, first)

    def split(self, path: str) -> tuple[str, str | None]:
        """The language of ``path`` and the ``url_path`` of the page it names."""
        first = path.strip("/").split("/", 1)[0]
        for root in self.api.root_paths:
            prefix = self.api._prefix(root.language_code)
            if root.language_code == first and path.startswith(prefix):
                return first, root.root_path + path[len(prefix) :]
        return request_language(self.request._request), None

    def serve_path(self, request: Request, url_path: str) -> Response | None:
        row = (
            Page.objects.filter(url_path=url_path)
            .values("id", "content_type_id")
            .first()
        )
        if row is None:
            return None
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        page_type: PageType = get_page_type(model)
        page, fallback = find_page(
            self.api,
            page_type.queryset(),
            Q(pk=row["id"]),
            fallback=fallback_requested(request),
        )
        if page is None:
            return None
        return serve_page(self, page, fallback=fallback)

    def find_redirect(self, raw: str) -> dict[str, Any] | None:
        old_path = Redirect.normalise_path(raw)
        site = Site.objects.filter(is_default_site=True).first()
        redirect = (
            Redirect.objects.filter(old_path=old_path)
            .filter(Q(site=None) | Q(site=site))
            .select_related("redirect_page")
            .order_by("site")
            .first()
        )
        if redirect is None:
            return None
        target = redirect.redirect_page
        location = redirect.link
        api_url = None
        if target is not None:
            link = page_link_data(target, {"request": self.request})
            if link is None:
                # A redirect to a draft or a private page: answering with its
                # address would reveal the slug, so the path is simply unknown.
                return None
            location = link["url"] or location
            api_url = link["api_url"]
        return {
            "type": "redirect",
            "path": raw,
            "location": location,
            "is_permanent": redirect.is_permanent,
            "api_url": api_url,
        }


class PreviewView(ApiViewMixin, APIView):
    """The draft that an editor is previewing, in the shape of the live detail.

    The Preview button of a page type that inherits
    :class:`ngo_cms.api.preview.HeadlessPreviewPageMixin` opens the front end with
    ``?content_type=app.model&token=…``; the front end passes both on here. Never
    cached.
    """

    cache_responses = False
    language_from_url = False

    @extend_schema(
        parameters=[
            text_parameter(
                "content_type",
                "As given to the front end, e.g. casepages.prisonercasepage.",
                required=True,
            ),
            text_parameter(
                "token",
                "The signed preview token given to the front end.",
                required=True,
            ),
        ],
        responses={
            200: PolymorphicProxySerializer(
                component_name="PreviewedPage",
                serializers=lambda: served_types(with_redirect=False),
                resource_type_field_name="type",
            ),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        from wagtail_headless_preview.models import HeadlessPreviewMixin

        content_type = request.query_params.get("content_type", "")
        token = request.query_params.get("token", "")
        if not content_type or not token:
            raise bad_request(messages.MISSING_PREVIEW_PARAMS, code="missing_parameter")
        page = None
        try:
            app_label, model_name = content_type.split(".", 1)
            model = ContentType.objects.get_by_natural_key(
                app_label, model_name
            ).model_class()
            if model is not None and issubclass(model, HeadlessPreviewMixin):
                # The library's own lookup (ngo_cms.api.preview adds the expiry).
                page = model.get_page_from_preview_token(token)
        except (signing.BadSignature, ValueError, ContentType.DoesNotExist):
            page = None
        if page is None:
            raise not_found(messages.BAD_PREVIEW_TOKEN, code="invalid_preview")
        return serve_page(self, page, fallback=False)


def served_types(*, with_redirect: bool) -> dict[str, Any]:
    """The detail serializer of every registered page type by its ``type`` (the
    discriminator of ``resolve`` and ``preview``), and ``redirect`` for resolve."""
    mapping: dict[str, Any] = {
        model._meta.label: page_type.serializer
        for model, page_type in sorted(
            registered_page_types().items(), key=lambda item: item[0]._meta.label
        )
    }
    if with_redirect:
        mapping["redirect"] = RedirectSerializer
    return mapping


class SchemaView(ApiViewMixin, SpectacularAPIView):
    """The OpenAPI 3 schema (YAML, or JSON with ``?format=json``), cached like the
    rest: generating it takes a while."""

    content_negotiation_class = SchemaNegotiation

    language_from_url = False
    vary_on_accept = True
    renderer_classes = SpectacularAPIView.renderer_classes

    @property
    def custom_settings(self) -> dict[str, Any]:  # type: ignore[override]
        """The exact schema's settings, whatever the host's SPECTACULAR_SETTINGS
        say (only our API: Wagtail's admin API views would produce warnings)."""
        return schema_settings(settings.INSTALLED_APPS)

    # Generated once: it does not change with content, and no query string (other
    # than the format and language drf-spectacular reads) makes a new copy.
    content_independent = True
    query_parameters = ("lang",)


class DocsView(ApiViewMixin, SpectacularSwaggerSplitView):
    """Swagger UI for the schema, with its assets served from this site (no CDN)
    and its script from a separate address (``?script``), so that the strict
    Content-Security-Policy (no inline scripts) holds here too.

    Never shared between visitors (``private, no-store``): the page is rendered per
    request and must not be kept by the server or a CDN.
    """

    language_from_url = False
    renderer_classes = SpectacularSwaggerSplitView.renderer_classes

    cache_responses = False

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The Swagger UI assets from drf-spectacular-sidecar, whatever the host's
        # SPECTACULAR_SETTINGS say: the docs page requests nothing from a CDN.
        with patched_settings(
            {"SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR"}
        ):
            return super().get(request, *args, **kwargs)


class NotFoundView(ApiViewMixin, APIView):
    """Any address under /api/v1/ that no endpoint serves: a JSON 404, in the
    language its first segment names (``/api/v1/nl/nope/`` answers in Dutch)."""

    schema = None

    def get_language(self, request: HttpRequest, kwargs: dict[str, Any]) -> str:
        rest = request.path_info.removeprefix(API_ROOT)
        return request_language(request, rest.split("/", 1)[0])

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise APIError(messages.NOT_FOUND, code="not_found", status_code=404)

    post = put = patch = delete = get


__all__ = [
    "FALLBACK_PARAMETER",
    "LOCALE_PARAMETER",
    "SLUG_PARAMETER",
    "ApiViewMixin",
    "PageDetailView",
    "PageListView",
    "choice_filter",
    "invalid_filter",
]
