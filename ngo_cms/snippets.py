"""Snippets (themes, organisations) shown in the language of the page showing them.

Pages link to the source-language rows of translatable snippets (the links are
synchronised facts); readers see each snippet's row in the page's language, or the
source row where that snippet has no translation yet. One rule for the HTML pages
and the API, one query for any number of pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

# (locale id, translation key) -> the snippet's row in that locale.
Localized = dict[tuple[int, Any], Any]


def localized_snippets(
    pages: Iterable[Any], relation: str, model: type[models.Model]
) -> Localized:
    """The translations of the snippets that ``relation`` of ``pages`` links to, in
    each page's locale, in one query (none when every one already is)."""
    wanted: dict[int, set[Any]] = {}
    for page in pages:
        for snippet in getattr(page, relation).all():
            if snippet.locale_id != page.locale_id:
                wanted.setdefault(page.locale_id, set()).add(snippet.translation_key)
    if not wanted:
        return {}
    query = models.Q()
    for locale_id, keys in wanted.items():
        query |= models.Q(locale_id=locale_id, translation_key__in=keys)
    return {
        (snippet.locale_id, snippet.translation_key): snippet
        for snippet in model._default_manager.filter(query)
    }


def in_page_language(page: Any, relation: str, localized: Localized) -> list[Any]:
    """The snippets of ``relation`` of ``page``, each in the page's language where it
    is translated, else as linked (the source)."""
    return [
        localized.get((page.locale_id, snippet.translation_key), snippet)
        for snippet in getattr(page, relation).all()
    ]


def snippets_of(page: Any, relation: str, model: type[models.Model]) -> list[Any]:
    """:func:`in_page_language` for one page."""
    return in_page_language(page, relation, localized_snippets([page], relation, model))
