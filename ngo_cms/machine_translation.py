"""Which machine translator pre-fills wagtail-localize's translation editor.

Read by the settings (so it imports nothing from Django's app registry).
LibreTranslate comes first: it can run on the NGO's own server, so the text of
unpublished cases never leaves the organisation. DeepL is used only when its key is
set and no LibreTranslate address is. Without either, the editor offers no machine
translation.
"""

from __future__ import annotations

LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translator_config(
    libretranslate_url: str = "",
    libretranslate_api_key: str = "",
    deepl_api_key: str = "",
) -> dict | None:
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting for the given environment.

    Args:
        libretranslate_url: the LibreTranslate server, e.g. http://127.0.0.1:5000.
        libretranslate_api_key: its API key, when the server requires one.
        deepl_api_key: a DeepL API key (free keys end in ":fx").

    Returns:
        The setting, or None for no machine translation.
    """
    if libretranslate_url:
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
                # wagtail-localize always sends the key; LibreTranslate ignores an
                # empty one when the server needs none.
                "API_KEY": libretranslate_api_key,
                "TIMEOUT": 30,
            },
        }
    if deepl_api_key:
        return {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": deepl_api_key, "TIMEOUT": 30}}
    return None
