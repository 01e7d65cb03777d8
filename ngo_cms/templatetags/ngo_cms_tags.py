"""Template tags of the public pages: links for search engines (canonical address
and language alternates) and text in another script marked for readers."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import template
from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Page

from ngo_cms.api.context import ApiContext
from ngo_cms.visibility import visible_translations

register = template.Library()

# Unicode script (as ``unicodedata.name`` starts) -> ISO 15924 code, and whether it
# is written right to left.
SCRIPTS = {
    "ARABIC": ("Arab", True),
    "HEBREW": ("Hebr", True),
    "CYRILLIC": ("Cyrl", False),
    "CJK": ("Hani", False),
    "HANGUL": ("Hang", False),
    "GEORGIAN": ("Geor", False),
    "ARMENIAN": ("Armn", False),
    "THAI": ("Thai", False),
    "DEVANAGARI": ("Deva", False),
}
# The language a name in a script most likely is in, from the country it concerns;
# otherwise the language is "undetermined" in that script (BCP 47 ``und-Arab``).
COUNTRY_LANGUAGES = {
    ("IR", "Arab"): "fa",
    ("AF", "Arab"): "fa",
    ("SA", "Arab"): "ar",
    ("EG", "Arab"): "ar",
    ("SY", "Arab"): "ar",
    ("IQ", "Arab"): "ar",
    ("BH", "Arab"): "ar",
    ("AE", "Arab"): "ar",
    ("RU", "Cyrl"): "ru",
    ("BY", "Cyrl"): "be",
    ("CN", "Hani"): "zh",
    ("IL", "Hebr"): "he",
}


def script_of(text: str) -> tuple[str, bool] | None:
    """The ISO 15924 script of the first letter of ``text`` outside Latin, and
    whether it is written right to left; None for Latin text."""
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for prefix, script in SCRIPTS.items():
            if name.startswith(prefix):
                return script
    return None


@register.simple_tag
def script_attributes(text: str, country: Any = "") -> dict[str, str]:
    """``lang`` and ``dir`` for ``text`` written in another script (a name in its
    original script), so that screen readers pronounce it and browsers lay it out
    right; empty for Latin text.

    Example: ``{% script_attributes page.name_original_script page.country_of_detention
    as attrs %}<span lang="{{ attrs.lang }}" dir="{{ attrs.dir }}">``.
    """
    found = script_of(text or "")
    if found is None:
        return {}
    script, rtl = found
    code = str(getattr(country, "code", country) or "")
    language = COUNTRY_LANGUAGES.get((code, script), f"und-{script}")
    return {"lang": language, "dir": "rtl" if rtl else "ltr"}


@register.inclusion_tag("ngo_cms/includes/alternates.html", takes_context=True)
def page_alternates(context: template.Context, page: Any) -> dict[str, Any]:
    """``<link rel="canonical">`` and one ``hreflang`` alternate per live, public
    translation of ``page`` (plus ``x-default``: the default language's), from the
    same visibility rule as the API's ``translations``."""
    request = context.get("request")
    if request is None or page is None or not getattr(page, "translation_key", None):
        return {}
    api = ApiContext.of(request)
    live = [item for item in api.translations(page) if item.status == "live"]
    alternates = [
        (item.locale, request.build_absolute_uri(item.url)) for item in live if item.url
    ]
    own = api.public_path(page.url_path)
    canonical = (
        request.build_absolute_uri(own) if own and api.is_visible(page) else None
    )
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    return {
        "canonical": canonical,
        "alternates": alternates if canonical else [],
        "x_default": default if canonical else None,
    }


@register.simple_tag
def reader_translations(page: Page) -> QuerySet:
    """The other translations of ``page`` that readers may see (the language
    switcher): never a draft, a private page or an untranslated alias."""
    return visible_translations(page, inclusive=False)
