"""Which serializer and which endpoint serve each page type.

The domain apps register their page types, endpoints and URLconfs from their
``AppConfig.ready()`` (through their ``api.registration`` module), so that the
router mounts them and ``resolve`` and ``preview`` can serialize any page without
ngo_cms naming the apps::

    register_page_type(
        PrisonerCasePage, PrisonerCaseDetailSerializer, route="api:cases-detail"
    )

A page type without a registration of its own uses the nearest registered base
class (in MRO order), and finally the bare envelope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.urls import reverse
from wagtail.models import Page

if TYPE_CHECKING:
    from rest_framework.serializers import BaseSerializer

    from .context import ApiContext


@dataclass(frozen=True)
class PageType:
    """How the API serves one page model.

    Attributes:
        model: the page class.
        serializer: the detail serializer (an envelope subclass).
        route: the URL name of its own endpoint, or None to be reached through
            ``resolve`` only.
        route_has_slug: whether ``route`` takes a slug (a detail) or only the
            locale (a section page, whose endpoint is the list).
    """

    model: type[Page]
    serializer: type[BaseSerializer]
    route: str | None = None
    route_has_slug: bool = True

    def queryset(self) -> QuerySet:
        """The model's pages, with what the serializer needs fetched up front."""
        queryset = self.model._default_manager.all()
        optimise = getattr(self.serializer, "optimise_queryset", None)
        return optimise(queryset) if optimise else queryset


_registry: dict[type[Page], PageType] = {}


def register_page_type(
    model: type[Page],
    serializer: type[BaseSerializer],
    *,
    route: str | None = None,
    route_has_slug: bool = True,
) -> None:
    """Make ``model`` servable by the API (see the module docstring)."""
    _registry[model] = PageType(model, serializer, route, route_has_slug)


def registered_page_types() -> dict[type[Page], PageType]:
    """Every registered page model and how the API serves it."""
    return dict(_registry)


def get_page_type(model: type[Page]) -> PageType:
    """The registration of ``model`` or of its nearest registered base class."""
    for klass in model.__mro__:
        if klass in _registry:
            found = _registry[klass]
            if klass is model:
                return found
            return PageType(model, found.serializer, None, True)
    from .serializers import PageSerializer

    return PageType(model, PageSerializer)


def api_url_for(
    content_type_id: int,
    locale_code: str,
    slug: str,
    public_url: str | None,
    context: ApiContext,
) -> str | None:
    """The API address of a page: its own endpoint, or ``resolve`` by public path."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page_type = get_page_type(model) if model is not None else None
    if page_type is not None and page_type.route:
        kwargs = {"locale": locale_code}
        if page_type.route_has_slug:
            kwargs["slug"] = slug
        return reverse(page_type.route, kwargs=kwargs)
    if public_url is None:
        return None
    return reverse("api:resolve") + "?path=" + quote(public_url, safe="/")


_endpoints: dict[str, tuple[str, bool]] = {}


def register_endpoint(key: str, url_name: str, *, takes_locale: bool = True) -> None:
    """List an endpoint in the API index (``/api/v1/``) under ``key``."""
    _endpoints[key] = (url_name, takes_locale)


def registered_endpoints() -> dict[str, tuple[str, bool]]:
    return dict(_endpoints)


_url_modules: list[str] = []


def register_urls(module: str) -> None:
    """Mount the URLconf ``module`` (e.g. ``"casepages.api.urls"``) under the API.

    Call it from the app's ``AppConfig.ready()``; the router includes the modules in
    registration order (the order of ``INSTALLED_APPS``).
    """
    if module not in _url_modules:
        _url_modules.append(module)


def registered_url_modules() -> list[str]:
    return list(_url_modules)
