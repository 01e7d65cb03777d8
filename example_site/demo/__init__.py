"""Building blocks for demo content: pages written once in English and translated
into Dutch and French through wagtail-localize, exactly as a translator would.

Each app's demo content is a module of this package with a function
``load(ctx: DemoContext) -> None`` (``APP_DEMOS``); ``manage.py load_demo`` calls those
of the installed apps, cases before the actions that link to them.

Demo text is written inline in English and registered in a :class:`Catalogue`; its
Dutch and French are PO files in ``translations/``. Pages are built from the English
and then translated through wagtail-localize's own PO export and import, the path a
translator with a PO editor takes, so the Dutch and French pages are genuine
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
from pathlib import Path
from typing import Any, TextIO

import polib
from django.apps import apps
from django.db import models
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

_LINK_OPEN = re.compile(r"<a\b[^>]*>")


class DemoContentError(Exception):
    """Demo content that cannot be built as written (e.g. a missing translation)."""


def _normalise(text: str) -> str:
    """Put ``text`` in the form wagtail-localize stores segments in.

    Links become ``<a id="a1">``, ``<a id="a2">``... in order, as in its segments.
    """
    counter = iter(range(1, 1000))
    return _LINK_OPEN.sub(lambda _m: f'<a id="a{next(counter)}">', text)


TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


class Catalogue:
    """The demo's English strings and their Dutch and French translations.

    The English is written inline in the demo modules: calling the catalogue
    registers a string and returns it (``title=t("Prisoner cases")``). The Dutch and
    French are PO files, ``translations/nl.po`` and ``translations/fr.po``, whose
    ``msgid`` is the English as written: the format translators' tools read, and the
    one wagtail-localize imports (:func:`translate` applies them through its own PO
    import, as a translator uploading a file would).
    """

    def __init__(self, directory: Path = TRANSLATIONS_DIR) -> None:
        self._english: set[str] = set()
        self._po: dict[str, dict[str, str]] = {}
        for path in sorted(directory.glob("*.po")):
            self._po[path.stem] = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(path))
                if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
            }

    def __call__(self, en: str) -> str:
        """Register ``en`` (English demo text) and return it."""
        self._english.add(en)
        return en

    def paragraphs(self, *texts: str) -> str:
        """Join registered strings into rich text, one ``<p>`` per string."""
        return "".join(f"<p>{text}</p>" for text in texts)

    def missing(self, locale_code: str) -> list[str]:
        """The registered English strings without a translation into ``locale_code``."""
        known = self._po.get(locale_code, {})
        return sorted(en for en in self._english if en not in known)

    def translate(self, segment_data: str, locale_code: str) -> str | None:
        """The translation of one wagtail-localize segment, or None if unknown.

        Args:
            segment_data: the segment as wagtail-localize stores it (HTML-escaped,
                links replaced by numbered ``<a id>`` tags).
            locale_code: "nl" or "fr".
        """
        for en, translated in self._po.get(locale_code, {}).items():
            if en not in self._english:
                continue
            if _normalise(en) == segment_data:
                return _normalise(translated)
            if html.escape(en, quote=False) == segment_data:
                return html.escape(translated, quote=False)
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
    translated: dict[str, models.Model] = {}
    for locale in locales:
        code = locale.language_code
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # The translator's path: export the PO file of this translation, fill it in
        # from the demo's catalogue, import it with wagtail-localize.
        po = translation.export_po()
        for entry in po:
            data = catalogue.translate(entry.msgid, code)
            if data is None:
                raise DemoContentError(
                    f"No {code} translation for {entry.msgid!r} "
                    f"({type(instance).__name__} {instance}, field {entry.msgctxt}); "
                    f"add it to example_site/demo/translations/{code}.po."
                )
            entry.msgstr = data
        warnings = translation.import_po(po)
        if warnings:
            raise DemoContentError(
                f"wagtail-localize refused part of the {code} translation of "
                f"{instance}: {warnings}"
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
