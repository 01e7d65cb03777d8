"""Building blocks for demo content: pages written once in English and translated
into Dutch and French through wagtail-localize, exactly as a translator would.

Each app's demo content is a module of this package with a function
``load(ctx: DemoContext) -> None`` (``APP_DEMOS``); ``manage.py load_demo`` calls those
of the installed apps, cases before the actions that link to them.

Demo text is registered in a :class:`Catalogue` as English with its Dutch and French
renderings. Pages are built from the English and then translated segment by segment
with wagtail-localize's own models, so the Dutch and French pages are genuine
translations: the translation editor shows them as translated, synchronised fields
are copied from the source, and running the command again updates rather than
duplicates. A segment with no entry in the catalogue stops the command, so demo
content can never ship half-translated.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, TextIO

from django.apps import apps
from django.db import models
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

_LINK_OPEN = re.compile(r"<a\b[^>]*>")


class DemoContentError(Exception):
    """Demo content that cannot be built as written (e.g. a missing translation)."""


def _normalise(text: str) -> str:
    """Put ``text`` in the form wagtail-localize stores segments in.

    Links become ``<a id="a1">``, ``<a id="a2">``... in order, as in its segments.
    """
    counter = iter(range(1, 1000))
    return _LINK_OPEN.sub(lambda _m: f'<a id="a{next(counter)}">', text)


class Catalogue:
    """English demo strings and their Dutch and French translations.

    Calling the catalogue registers a string and returns the English, so content is
    written inline: ``title=t("Prisoner cases", nl="Gevangenen", fr="Prisonniers")``.
    """

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, str]] = {}

    def __call__(self, en: str, *, nl: str, fr: str) -> str:
        """Register ``en`` with its translations and return ``en``.

        Raises:
            DemoContentError: if ``en`` was registered before with other translations.
        """
        entry = {"nl": nl, "fr": fr}
        previous = self._entries.setdefault(en, entry)
        if previous != entry:
            raise DemoContentError(
                f"{en!r} is registered twice with different translations."
            )
        return en

    def paragraphs(self, *texts: str) -> str:
        """Join registered strings into rich text, one ``<p>`` per string."""
        return "".join(f"<p>{text}</p>" for text in texts)

    def translate(self, segment_data: str, locale_code: str) -> str | None:
        """The translation of one wagtail-localize segment, or None if unknown.

        Args:
            segment_data: the segment as wagtail-localize stores it (HTML-escaped,
                links replaced by numbered ``<a id>`` tags).
            locale_code: "nl" or "fr".
        """
        for en, entry in self._entries.items():
            if _normalise(en) == segment_data:
                return _normalise(entry[locale_code])
            if html.escape(en, quote=False) == segment_data:
                return html.escape(entry[locale_code], quote=False)
        return None


@dataclass
class DemoContext:
    """What a demo loader gets: locales, the home pages and an output stream."""

    stdout: TextIO
    catalogue: Catalogue
    locales: dict[str, Locale]
    home: Page
    pages: dict[str, Page] = field(default_factory=dict)

    def log(self, message: str) -> None:
        self.stdout.write(message + "\n")


def block_id(*parts: Any) -> str:
    """A stable StreamField block id, so re-running the demo keeps block ids.

    wagtail-localize keys translations by block id; stable ids let a second run
    update the same segments instead of creating new ones.
    """
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, "ngo-cms-demo/" + "/".join(map(str, parts)))
    )


def stream(prefix: str, blocks: Sequence[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Raw StreamField data with stable ids: ``[(block_type, value), ...]``."""
    return [
        {"type": block_type, "value": value, "id": block_id(prefix, index)}
        for index, (block_type, value) in enumerate(blocks)
    ]


def upsert_page(parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
    """Create or update the child page ``slug`` of ``parent`` and publish it.

    Args:
        parent: the (source-locale) parent page.
        model: the page class.
        slug: the English slug; it identifies the page between runs.
        **fields: field values; values of ``ParentalKey`` relations are left to the
            caller (set them on the returned page and publish again).

    Returns:
        The live, specific page.
    """
    existing = parent.get_children().filter(slug=slug).type(model).specific().first()
    if existing is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
    else:
        page = existing
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish(page: Page) -> Page:
    """Save a revision of ``page`` and publish it; returns the refreshed page."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(
    instance: models.Model,
    catalogue: Catalogue,
    locales: Iterable[Locale],
) -> dict[str, models.Model]:
    """Translate a page or snippet into ``locales`` through wagtail-localize.

    Parents must be translated before their children.

    Args:
        instance: the source page or translatable snippet, saved (and published).
        catalogue: where every string segment's translation is looked up.
        locales: the target locales.

    Returns:
        The translated instances by locale code.

    Raises:
        DemoContentError: a segment has no translation in the catalogue.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context")
    )
    translated: dict[str, models.Model] = {}
    for locale in locales:
        code = locale.language_code
        for segment in segments:
            data = catalogue.translate(segment.string.data, code)
            if data is None:
                raise DemoContentError(
                    f"No {code} translation for {segment.string.data!r} "
                    f"({type(instance).__name__} {instance}, field {segment.context.path})."
                )
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # Not Translation.save_target(): it defers publishing to on_commit with a
        # stale copy of the page, which inside an outer transaction (this command,
        # every test) overwrites the tree fields of pages created meanwhile.
        # Models without drafts (most snippets) can only be saved as published.
        source.create_or_update_translation(
            locale,
            publish=not isinstance(instance, DraftStateMixin),
            copy_parent_pages=True,
        )
        target = source.get_translated_instance(locale)
        if isinstance(target, DraftStateMixin):
            target.get_latest_revision().publish()
            target = source.get_translated_instance(locale)
        translated[code] = target
    return translated


# The demo content of each app, in the order they are loaded (cases exist before the
# actions and rallies that link to them). An app that is not installed is skipped.
APP_DEMOS = {
    "casepages": "example_site.demo.casepages",
    "actions": "example_site.demo.actions",
}


def run_app_loaders(ctx: DemoContext) -> list[str]:
    """Call ``load(ctx)`` of the demo module of every installed app.

    Returns:
        The names of the apps whose demo content was loaded.
    """
    loaded = []
    for app_name, module_name in APP_DEMOS.items():
        if not apps.is_installed(app_name):
            continue
        import_module(module_name).load(ctx)
        loaded.append(app_name)
    return loaded
