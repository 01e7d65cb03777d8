"""What one API request knows: its language, the site's locales and public paths.

The API takes its language from its own URL (``/api/v1/nl/...``), never from
LocaleMiddleware. :class:`ApiContext` is built once per request and caches what
several serializers need (locales, view restrictions, the site's root paths, the
translations of the pages being served), so that the number of queries does not grow
with the number of pages in a response.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from ngo_cms import visibility

from . import messages
from .errors import APIError

T = TypeVar("T")


def content_languages() -> list[str]:
    """The language codes of the site's content, default first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = settings.LANGUAGE_CODE
    return [default, *[code for code in codes if code != default]]


def default_language() -> str:
    return settings.LANGUAGE_CODE


def request_language(request: HttpRequest, locale_code: str | None = None) -> str:
    """The language to answer in: the URL's locale when it is one of ours, else the
    default language. Never Accept-Language: answers must not vary on a header
    that shared caches would have to key on."""
    if locale_code in content_languages():
        return locale_code
    return default_language()


def unknown_locale(code: str) -> APIError:
    return APIError(
        messages.UNKNOWN_LOCALE,
        code="unknown_locale",
        status_code=404,
        params={"locale": code, "choices": ", ".join(content_languages())},
    )


def generation_cached(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in Django's cache until published content next changes.

    Locales and view restrictions are read by every request and change rarely;
    saving either bumps the generation (``ngo_cms.signal_handlers``).
    """
    from .caching import cache, current_generation

    key = f"ngo_cms:api:{name}:{current_generation()[0]}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, 60 * 60)
    return value


@dataclass
class Translation:
    """One locale's version of a page, as the envelope lists it."""

    locale: str
    status: str  # "live" or "missing"
    state: str = "missing"  # a ngo_cms.translation_state.TranslationState value
    # Segments the live page shows in the source language (published with missing
    # translations); see ngo_cms.translation_state.LocaleState.source_text_shown.
    source_language_segments: int = 0
    id: int | None = None
    slug: str | None = None
    title: str | None = None
    url: str | None = None
    api_url: str | None = None


@dataclass
class ApiContext:
    """Per-request caches shared by the API's serializers and views."""

    request: HttpRequest
    _locales: dict[str, Locale] | None = None
    _restricted: list[str] | None = None
    _root_paths: list[Any] | None = None
    _prefixes: dict[str, str] = field(default_factory=dict)
    _translations: dict[str, list[Translation]] = field(default_factory=dict)

    @classmethod
    def of(cls, request: Any) -> ApiContext:
        """The context of ``request`` (a Django or DRF request), created on first use."""
        django_request = getattr(request, "_request", request)
        context = getattr(django_request, "_ngo_api_context", None)
        if context is None:
            context = cls(request=django_request)
            django_request._ngo_api_context = context
        return context

    # --- Locales -----------------------------------------------------------------
    @property
    def locales(self) -> dict[str, Locale]:
        """The site's locales by language code (cached until content changes)."""
        if self._locales is None:
            self._locales = generation_cached(
                "locales",
                lambda: {
                    locale.language_code: locale for locale in Locale.objects.all()
                },
            )
        return self._locales

    def locale(self, code: str) -> Locale:
        """The locale ``code`` of the URL.

        Raises:
            APIError: 404 ``unknown_locale``.
        """
        if code not in content_languages() or code not in self.locales:
            raise unknown_locale(code)
        return self.locales[code]

    def language_of(self, locale_id: int) -> str:
        for code, locale in self.locales.items():
            if locale.pk == locale_id:
                return code
        return default_language()

    # --- Visibility ----------------------------------------------------------------
    @property
    def restricted_paths(self) -> list[str]:
        """Tree paths of the pages under a view restriction (private sections)."""
        if self._restricted is None:
            self._restricted = visibility.restricted_paths()
        return self._restricted

    def visible_q(self) -> Q:
        """Live, unexpired, public pages that are not untranslated aliases."""
        return visibility.visible_q(self.restricted_paths)

    def visible(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` limited to what the API may serve (:mod:`ngo_cms.visibility`)."""
        return visibility.visible(queryset, self.restricted_paths)

    def is_visible(self, page: Page | None) -> bool:
        return visibility.is_visible(page, self.restricted_paths)

    # --- Public URLs -----------------------------------------------------------------
    @property
    def root_paths(self) -> list[Any]:
        """The site root paths (one per locale), longest first (cached by Wagtail)."""
        if self._root_paths is None:
            self._root_paths = sorted(
                Site.get_site_root_paths(),
                key=lambda root: len(root.root_path),
                reverse=True,
            )
        return self._root_paths

    def _prefix(self, language_code: str) -> str:
        if language_code not in self._prefixes:
            with translation.override(language_code):
                self._prefixes[language_code] = reverse("wagtail_serve", args=("",))
        return self._prefixes[language_code]

    def public_path(self, url_path: str) -> str | None:
        """The public path of a page (``/nl/zaken/…/``) from its ``url_path``."""
        for root in self.root_paths:
            if url_path.startswith(root.root_path):
                rest = url_path[len(root.root_path) :]
                return self._prefix(root.language_code) + quote(
                    rest, safe="!$&'()*+,;=/~:@"
                )
        return None

    def absolute_url(self, path: str | None) -> str | None:
        """``path`` on the site's root URL (for canonical links)."""
        if path is None:
            return None
        for root in self.root_paths:
            return root.root_url.rstrip("/") + path
        return path

    def absolute_media_url(self, url: str) -> str:
        """``url`` (a media URL, often relative) made absolute on the site's root URL.

        Never on the request's ``Host``: answers are cached without the host in
        their key, and a forged ``Host`` must not reach other readers.
        """
        if url.startswith("//") or not url.startswith("/"):
            return url
        return self.absolute_url(url) or url

    # --- Translations ----------------------------------------------------------------
    def load_translations(self, pages: Iterable[Page]) -> None:
        """Fetch the translations of ``pages`` and their translation states.

        A constant number of queries for any number of pages: the translations
        (one), and what :func:`ngo_cms.translation_state.translation_states` reads.
        """
        from ngo_cms.translation_state import (
            SourceRef,
            TranslationState,
            translation_states,
        )

        from . import tags
        from .registry import api_url_for

        pages = list(pages)
        tags.tag_pages(pages)
        own_locale: dict[str, int] = {}
        for page in pages:
            key = str(page.translation_key)
            if key not in self._translations:
                own_locale.setdefault(key, page.locale_id)
        if not own_locale:
            return
        rows = list(
            Page.objects.filter(translation_key__in=list(own_locale))
            .order_by()
            .values(
                "id",
                "translation_key",
                "locale_id",
                "title",
                "slug",
                "url_path",
                "path",
                "live",
                "alias_of_id",
                "expire_at",
                "content_type_id",
                "has_unpublished_changes",
                "last_published_at",
            )
        )
        # The source of each page: its default-language version when there is one.
        default_id = self.locales[default_language()].pk
        source_locale = dict(own_locale)
        for row in rows:
            if row["locale_id"] == default_id and row["alias_of_id"] is None:
                source_locale[str(row["translation_key"])] = default_id
        states = translation_states(
            [
                SourceRef(Page, uuid.UUID(key), locale_id)
                for key, locale_id in source_locale.items()
            ],
            [locale.pk for locale in self.locales.values()],
            workflows=False,
            page_rows=rows,
        )
        found: dict[str, dict[str, dict[str, Any]]] = {key: {} for key in own_locale}
        for row in rows:
            if visibility.is_row_visible(row, self.restricted_paths):
                code = self.language_of(row["locale_id"])
                found[str(row["translation_key"])][code] = row
        for key, by_code in found.items():
            result = []
            for code in content_languages():
                locale_id = self.locales[code].pk if code in self.locales else None
                state = states.get((uuid.UUID(key), locale_id))
                row = by_code.get(code)
                if row is None:
                    # Not served: a draft translation may be under way, but a live
                    # one hidden from readers (private, expired) counts as missing.
                    name = (
                        state.state
                        if state and state.state == TranslationState.IN_PROGRESS
                        else TranslationState.MISSING
                    )
                    result.append(
                        Translation(locale=code, status="missing", state=str(name))
                    )
                    continue
                url = self.public_path(row["url_path"])
                result.append(
                    Translation(
                        locale=code,
                        status="live",
                        state=str(state.state if state else TranslationState.COMPLETE),
                        source_language_segments=(
                            state.source_text_shown(row["last_published_at"])
                            if state
                            else 0
                        ),
                        id=row["id"],
                        slug=row["slug"],
                        title=row["title"],
                        url=url,
                        api_url=api_url_for(
                            row["content_type_id"], code, row["slug"], url, self
                        ),
                    )
                )
            self._translations[key] = result

    def translations(self, page: Page) -> list[Translation]:
        key = str(page.translation_key)
        if key not in self._translations:
            self.load_translations([page])
        return self._translations[key]
