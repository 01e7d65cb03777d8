"""What one API request knows: its language, the site's locales and public paths.

The API takes its language from its own URL (``/api/v1/nl/...``), never from
LocaleMiddleware. :class:`ApiContext` is built once per request and caches what
several serializers need (locales, view restrictions, the site's root paths, the
translations of the pages being served), so that the number of queries does not grow
with the number of pages in a response.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

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
    _origin: str | None = None
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
            self._restricted = generation_cached(
                "restricted_paths",
                lambda: list(
                    PageViewRestriction.objects.values_list("page__path", flat=True)
                ),
            )
        return self._restricted

    def is_public(self, path: str) -> bool:
        return not any(path.startswith(prefix) for prefix in self.restricted_paths)

    def visible_q(self) -> Q:
        """Live, unexpired, public pages that are not untranslated aliases."""
        q = Q(live=True, alias_of__isnull=True) & (
            Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
        )
        for prefix in self.restricted_paths:
            q &= ~Q(path__startswith=prefix)
        return q

    def visible(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` limited to what the API may serve."""
        return queryset.filter(self.visible_q())

    def is_visible(self, page: Page) -> bool:
        if not page.live or page.alias_of_id is not None:
            return False
        if page.expire_at is not None and page.expire_at <= timezone.now():
            return False
        return self.is_public(page.path)

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
        """``url`` (a media URL, often relative) made absolute on this request's host."""
        if url.startswith("//") or not url.startswith("/"):
            return url
        if self._origin is None:
            self._origin = self.request.build_absolute_uri("/").rstrip("/")
        return self._origin + url

    # --- Translations ----------------------------------------------------------------
    def load_translations(self, pages: Iterable[Page]) -> None:
        """Fetch the translations of ``pages`` in one query."""
        from .registry import api_url_for

        keys = {
            str(page.translation_key)
            for page in pages
            if str(page.translation_key) not in self._translations
        }
        if not keys:
            return
        rows = (
            Page.objects.filter(translation_key__in=keys)
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
            )
        )
        found: dict[str, dict[str, dict[str, Any]]] = {key: {} for key in keys}
        now = timezone.now()
        for row in rows:
            visible = (
                row["live"]
                and row["alias_of_id"] is None
                and (row["expire_at"] is None or row["expire_at"] > now)
                and self.is_public(row["path"])
            )
            if visible:
                code = self.language_of(row["locale_id"])
                found[str(row["translation_key"])][code] = row
        for key, by_code in found.items():
            result = []
            for code in content_languages():
                row = by_code.get(code)
                if row is None:
                    result.append(Translation(locale=code, status="missing"))
                    continue
                url = self.public_path(row["url_path"])
                result.append(
                    Translation(
                        locale=code,
                        status="live",
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
