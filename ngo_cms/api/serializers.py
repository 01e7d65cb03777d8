"""The shapes every page type shares: the page envelope, images, rich text, stream
fields, translations, locales and navigation links.

The apps' serializers extend :class:`PageSerializer` and list its fields first::

    class Meta(PageSerializer.Meta):
        model = PrisonerCasePage
        fields = [*PageSerializer.Meta.fields, "summary", ...]
"""

from __future__ import annotations

import copy
import functools
import logging
from typing import Any

from django.db.models import Prefetch
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from . import (
    schema,  # noqa: F401  (registers the schema extensions)
    tags,
)
from .context import ApiContext, content_languages
from .registry import api_url_for

logger = logging.getLogger(__name__)

# Ready-made sizes of every image: each in the original format and in WebP.
# ``max-`` keeps the proportions; front ends crop with the focal point if they must.
IMAGE_SIZES = {
    "small": "max-400x400",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}
IMAGE_FILTER_SPECS = [
    spec for size in IMAGE_SIZES.values() for spec in (size, f"{size}|format-webp")
]
_SPECS = frozenset(IMAGE_FILTER_SPECS)


def api_context(serializer: serializers.BaseSerializer) -> ApiContext:
    return ApiContext.of(serializer.context["request"])


# --- Rich text and images ------------------------------------------------------------
def rich_text_html(source: str | RichText | None) -> str:
    """Rich text as HTML for front ends: internal links become public paths.

    Links to pages point at the translation of the linked page in the active language
    when it is live (Wagtail's ``localized``), so serialize inside the language of the
    page being served.
    """
    if source is None:
        return ""
    if isinstance(source, RichText):
        source = source.source
    return expand_db_html(source) if source else ""


class RichTextField(serializers.CharField):
    """A ``RichTextField`` (or RichTextBlock value) as front-end HTML."""

    def to_representation(self, value: Any) -> str:
        return rich_text_html(value)


class RenditionSerializer(serializers.Serializer):
    """One ready-made size of an image."""

    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    format = serializers.CharField()


class FocalPointSerializer(serializers.Serializer):
    """The area of the image to keep when cropping (pixels of the original)."""

    x = serializers.IntegerField()
    y = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    """The ready sizes of an image by name. A size is absent when its file could not
    be made (the original is missing on this server)."""

    small = RenditionSerializer(required=False, help_text="At most 400 pixels.")
    medium = RenditionSerializer(required=False, help_text="At most 800 pixels.")
    large = RenditionSerializer(required=False, help_text="At most 1600 pixels.")
    small_webp = RenditionSerializer(required=False)
    medium_webp = RenditionSerializer(required=False)
    large_webp = RenditionSerializer(required=False)


class ImageSerializer(serializers.Serializer):
    """An image with its alternative text, size, focal point and ready renditions."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    focal_point = FocalPointSerializer(allow_null=True)
    renditions = RenditionsSerializer()

    def to_representation(self, image: Any) -> dict[str, Any]:
        return image_data(image, self.context)


def rendition_prefetch(lookup: str) -> Prefetch:
    """Prefetch the ready renditions of the images at ``lookup`` (a foreign key to
    an image, ``select_related`` by the same queryset): one query for any number
    of pages.

    Example::

        queryset.select_related("portrait").prefetch_related(
            rendition_prefetch("portrait")
        )
    """
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=IMAGE_FILTER_SPECS),
        to_attr="prefetched_renditions",
    )


def image_data(
    image: Any, context: dict[str, Any], alt: str | None = None
) -> dict[str, Any] | None:
    """The JSON of an image (see :class:`ImageSerializer`), or None.

    Args:
        image: a Wagtail image, ideally fetched with
            ``prefetch_renditions(*IMAGE_FILTER_SPECS)``.
        context: the serializer context (for absolute media URLs).
        alt: alternative text chosen by the editor for this use of the image.
    """
    if image is None:
        return None
    tags.tag(tags.image_tag(image.pk))
    ctx = ApiContext.of(context["request"])
    focal = None
    if image.focal_point_x is not None:
        focal = {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
    renditions = _prefetched_renditions(image)
    try:
        if len(renditions) < len(IMAGE_FILTER_SPECS):
            renditions = image.get_renditions(*IMAGE_FILTER_SPECS)
    except SourceImageIOError:
        # The original file is gone (e.g. media not copied to this server): the
        # image is still described, only without ready sizes.
        logger.warning("Image %s has no original file", image.pk)
        renditions = {}
    sizes: dict[str, Any] = {}
    for name, spec in IMAGE_SIZES.items():
        for suffix, filter_spec in (("", spec), ("_webp", f"{spec}|format-webp")):
            rendition = renditions.get(filter_spec)
            if rendition is None:
                continue
            sizes[name + suffix] = {
                "url": ctx.absolute_media_url(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "format": "webp" if suffix else _image_format(rendition.file.name),
            }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "focal_point": focal,
        "renditions": sizes,
    }


def _prefetched_renditions(image: Any) -> dict[str, Any]:
    """The image's ready renditions by filter spec, from ``rendition_prefetch``.

    Reading them directly spares Wagtail's parsing of every filter spec, a good part
    of the time of a list with portraits. The specs of ``IMAGE_SIZES`` do not depend
    on the focal point, so any rendition of a spec will do.
    """
    prefetched = getattr(image, "prefetched_renditions", None)
    if not prefetched:
        return {}
    return {
        rendition.filter_spec: rendition
        for rendition in prefetched
        if rendition.filter_spec in _SPECS
    }


def _image_format(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    return {"jpg": "jpeg"}.get(extension, extension)


# --- Stream fields -------------------------------------------------------------------
def _has_own_api_representation(block: blocks.Block) -> bool:
    """Whether a project block defines its own JSON shape."""
    return _defines_api_representation(type(block))


@functools.cache
def _defines_api_representation(block_class: type) -> bool:
    for klass in block_class.__mro__:
        if klass.__module__.startswith(("wagtail.", "wagtail_")):
            return False
        if "get_api_representation" in vars(klass):
            return True
    return False


def block_data(block: blocks.Block, value: Any, context: dict[str, Any]) -> Any:
    """The JSON of one block value.

    A project block that defines ``get_api_representation`` gets the last word;
    otherwise structures are walked so that images, pages, snippets and rich text
    inside them come out as objects and front-end HTML rather than bare ids.
    """
    if _has_own_api_representation(block):
        return block.get_api_representation(value, context=context)
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, context)
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_data(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_data(block.child_block, item, context) for item in value]
    if isinstance(block, ImageChooserBlock):
        return image_data(value, context)
    if isinstance(block, blocks.PageChooserBlock):
        return page_link_data(value, context)
    if isinstance(block, SnippetChooserBlock):
        return _snippet_data(value)
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value)
    return block.get_api_representation(value, context=context)


def _snippet_data(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    tags.tag(tags.snippet_tag(value))
    localized = getattr(value, "localized", value)
    return {"id": localized.pk, "title": str(localized)}


def stream_data(stream: Any, context: dict[str, Any]) -> list[dict[str, Any]]:
    """A stream value as typed blocks ``[{type, id, value}, ...]``."""
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": block_data(child.block, child.value, context),
        }
        for child in stream
    ]


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "id": {"type": "string"},
                "value": {},
            },
            "required": ["type", "id", "value"],
        },
    }
)
class StreamField(serializers.Field):
    """A StreamField as typed blocks ``{type, id, value}``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        return stream_data(value, self.context)


# --- Page envelope -------------------------------------------------------------------
class LocaleCodeField(serializers.ChoiceField):
    """A language code of the site's content (the ``LocaleCodeEnum``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=content_languages(), **kwargs)

    def to_representation(self, value: Any) -> str:
        return str(value)


class PageLocaleField(LocaleCodeField):
    """The language of a page, read from its ``locale_id``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "locale_id")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        return ApiContext.of(self.context["request"]).language_of(value)


class PageTypeField(serializers.Field):
    """The page's model as ``app_label.ModelName``; the schema enumerates the types
    of each serializer (``ngo_cms.api.schema.PageTypeFieldExtension``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page: Page) -> str:
        return type(page)._meta.label


class SeoSerializer(serializers.Serializer):
    """What search engines and link previews show."""

    title = serializers.CharField()
    description = serializers.CharField()
    canonical_url = serializers.CharField(allow_null=True)


# The translation states the API shows (ngo_cms.translation_state); whether work
# waits for a reviewer is the newsroom's business, not the readers'.
API_TRANSLATION_STATES = ["complete", "outdated", "in_progress", "missing"]
TRANSLATION_STATUSES = ["live", "missing"]


class TranslationSerializer(serializers.Serializer):
    """One language version of a page: ``status`` is "live" or "missing".

    ``state`` says how far its translation is: ``complete``; ``outdated`` (live, but
    the source changed since and the changes are not translated yet); ``in_progress``
    (being translated, not live yet); ``missing``.
    """

    locale = LocaleCodeField()
    status = serializers.ChoiceField(choices=TRANSLATION_STATUSES)
    state = serializers.ChoiceField(choices=API_TRANSLATION_STATES)
    source_language_segments = serializers.IntegerField(
        min_value=0,
        help_text="How many text segments of the live page are shown in the source "
        "language, because it was published with missing translations (0: none).",
    )
    title = serializers.CharField(allow_null=True)
    url = serializers.CharField(allow_null=True)
    api_url = serializers.CharField(allow_null=True)


class PageLinkSerializer(serializers.Serializer):
    """A short reference to another page (menus, related pages, chooser blocks)."""

    id = serializers.IntegerField()
    type = serializers.CharField(help_text="The page type, as app_label.ModelName.")
    locale = LocaleCodeField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    api_url = serializers.CharField(allow_null=True)


def page_link_data(page: Page | None, context: dict[str, Any]) -> dict[str, Any] | None:
    """A :class:`PageLinkSerializer` dict for ``page`` in the active language.

    Chooser blocks and related-page panels store the source page; its live
    translation in the language being served is linked when there is one, else the
    page itself. A page that is not live and public is left out (None).
    """
    if page is None:
        return None
    ctx = ApiContext.of(context["request"])
    language = translation.get_language()
    own = ctx.language_of(page.locale_id)
    by_locale = {item.locale: item for item in ctx.translations(page)}
    item = by_locale.get(language)
    if item is None or item.status != "live":
        item = by_locale.get(own)
    if item is None or item.status != "live":
        return None
    return {
        "id": item.id,
        "type": page.specific_class._meta.label,
        "locale": item.locale,
        "slug": item.slug,
        "title": item.title,
        "url": item.url,
        "api_url": item.api_url,
    }


def page_links_data(pages: list[Page], context: dict[str, Any]) -> list[dict[str, Any]]:
    """:func:`page_link_data` of each page, leaving out the ones not served."""
    links = (page_link_data(page, context) for page in pages)
    return [link for link in links if link is not None]


_FIELD_PROTOTYPES: dict[type, dict[str, serializers.Field]] = {}


class PageSerializer(serializers.ModelSerializer):
    """The envelope every page shares, in every endpoint.

    ``fallback`` is true when the page is served in a language of the requested
    one's fallback chain because it has no live translation in the requested one
    (``?fallback=1``); ``locale`` says which.
    """

    type = PageTypeField()
    locale = PageLocaleField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    seo = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    translation_state = serializers.SerializerMethodField()
    fallback = serializers.SerializerMethodField()

    class Meta:
        model = Page
        fields = [
            "id",
            "type",
            "locale",
            "slug",
            "title",
            "url",
            "api_url",
            "first_published_at",
            "last_published_at",
            "seo",
            "translations",
            "translation_state",
            "fallback",
        ]
        read_only_fields = fields

    # Seconds an answer that shows this serializer may stay in the server-side
    # response cache (None: until a publication makes it stale). Types that show
    # figures changing without a publication (signature counts) set it lower.
    cache_timeout: int | None = None

    def get_fields(self) -> dict[str, serializers.Field]:
        """The serializer's fields, introspected from the model once per class.

        ModelSerializer inspects the model on every instantiation, a good part of the
        time of an uncached answer; copies of the first result are equivalent.
        """
        prototype = _FIELD_PROTOTYPES.get(type(self))
        if prototype is None:
            prototype = super().get_fields()
            _FIELD_PROTOTYPES[type(self)] = prototype
        return copy.deepcopy(prototype)

    @classmethod
    def optimise_queryset(cls, queryset: Any) -> Any:
        """``queryset`` with what this serializer reads fetched up front.

        Subclasses add their ``select_related``/``prefetch_related``.
        """
        return queryset

    @classmethod
    def prepare(cls, pages: list[Page], context: dict[str, Any]) -> None:
        """Fetch in bulk what the serializer needs for ``pages`` (one response)."""
        ApiContext.of(context["request"]).load_translations(pages)

    def get_url(self, page: Page) -> str | None:
        return api_context(self).public_path(page.url_path)

    def get_api_url(self, page: Page) -> str | None:
        ctx = api_context(self)
        return api_url_for(
            page.content_type_id,
            ctx.language_of(page.locale_id),
            page.slug,
            ctx.public_path(page.url_path),
            ctx,
        )

    @extend_schema_field(SeoSerializer)
    def get_seo(self, page: Page) -> dict[str, Any]:
        ctx = api_context(self)
        return {
            "title": page.seo_title or page.title,
            "description": page.search_description,
            "canonical_url": ctx.absolute_url(ctx.public_path(page.url_path)),
        }

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, page: Page) -> list[dict[str, Any]]:
        return [
            {
                "locale": item.locale,
                "status": item.status,
                "state": item.state,
                "source_language_segments": item.source_language_segments,
                "title": item.title,
                "url": item.url,
                "api_url": item.api_url,
            }
            for item in api_context(self).translations(page)
        ]

    @extend_schema_field(
        serializers.ChoiceField(
            choices=API_TRANSLATION_STATES,
            help_text="How far this page's translation is; an outdated page is "
            "live but its source changed since.",
        )
    )
    def get_translation_state(self, page: Page) -> str:
        own = api_context(self).language_of(page.locale_id)
        for item in api_context(self).translations(page):
            if item.locale == own:
                return item.state
        return "complete"

    def get_fallback(self, page: Page) -> bool:
        """Whether the page is served in another language than the one asked for
        (``?fallback=1``): in a list, item by item."""
        requested = self.context.get("requested_language")
        if requested is not None:
            return api_context(self).language_of(page.locale_id) != requested
        return bool(self.context.get("fallback", False))


class IntroPageSerializer(PageSerializer):
    """Home and section pages: the envelope and their introduction."""

    intro = RichTextField()

    class Meta(PageSerializer.Meta):
        fields = [*PageSerializer.Meta.fields, "intro"]
        read_only_fields = fields


# --- Locales, navigation, redirects, index -------------------------------------------
class LocaleSerializer(serializers.Serializer):
    """A language of the site."""

    code = LocaleCodeField()
    name = serializers.CharField()
    is_default = serializers.BooleanField()


class NavigationSerializer(serializers.Serializer):
    """A locale's menu: its home page and the section pages shown in menus."""

    locale = LocaleCodeField()
    home = PageLinkSerializer()
    items = PageLinkSerializer(many=True)


REDIRECT_TYPES = ["redirect"]


class RedirectSerializer(serializers.Serializer):
    """The answer of ``resolve`` for a path that Wagtail's redirects send elsewhere."""

    type = serializers.ChoiceField(choices=REDIRECT_TYPES)
    path = serializers.CharField()
    location = serializers.CharField()
    is_permanent = serializers.BooleanField()
    api_url = serializers.CharField(allow_null=True)


class IndexSerializer(serializers.Serializer):
    """The entry point: the API's languages and the address of each endpoint."""

    locales = LocaleSerializer(many=True)
    endpoints = serializers.DictField(child=serializers.CharField())


class ErrorSerializer(serializers.Serializer):
    """Every error: HTTP status, a stable code, a translated message, field errors."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField())
    )


def locale_data() -> list[dict[str, Any]]:
    """The site's languages, named in their own language, default first."""
    from django.conf import settings

    from ngo_cms.conf import admin_language_names

    names = admin_language_names()
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "is_default": code == settings.LANGUAGE_CODE,
        }
        for code in content_languages()
    ]


__all__ = [
    "IMAGE_FILTER_SPECS",
    "ErrorSerializer",
    "ImageSerializer",
    "IntroPageSerializer",
    "PageLinkSerializer",
    "PageSerializer",
    "RichTextField",
    "StreamField",
    "image_data",
    "page_link_data",
    "rendition_prefetch",
    "rich_text_html",
]
