"""The settings the apps read, each with its default.

A host project that adds the apps to its own Wagtail site sets none of these and
still gets a working API and admin; it overrides a value by setting it in its own
settings module. Read them as ``app_settings.NAME`` at the moment they are needed
(not at import time), so that ``override_settings`` in tests and per-environment
settings both apply.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Seconds in the API's Cache-Control: max-age and stale-while-revalidate.
    "API_CACHE_MAX_AGE": 60,
    "API_STALE_WHILE_REVALIDATE": 300,
    # Keep rendered API answers in Django's cache (off only for benchmarks).
    "API_RESPONSE_CACHE": True,
    # Where the admin's Preview button sends editors; empty: Wagtail's own preview.
    "FRONTEND_URL": "",
    # Signing throttle (actions.throttle): per client address, per campaign, per
    # signer's address, and confirmations per client. Counters live in the cache
    # alias "throttle" when the host defines one, else in its default cache.
    "SIGNING_RATES": {
        "client": "10/minute",
        "campaign": "20000/hour",
        "address": "3/hour",
        "confirm": "30/minute",
    },
    # Double opt-in: how long the mailed link works (seconds), after how many days
    # purge_signatures deletes unconfirmed signatures, and a front end's
    # confirmation page ({locale}, {slug}, {token}; empty: the site's own page).
    "SIGNING_CONFIRM_MAX_AGE": 72 * 3600,
    "SIGNING_PENDING_DAYS": 7,
    "SIGNING_CONFIRM_URL": "",
    # Seconds a headless preview link works.
    "PREVIEW_TOKEN_MAX_AGE": 3600,
    # Host page types under which sections (cases, actions...) may be created,
    # besides ngo_cms.HomePage, e.g. ["home.HomePage"] for a `wagtail start` site.
    "NGO_CMS_HOME_PAGE_TYPES": [],
    # load_demo runs only with DEBUG on, or where this is True (tests, benchmarks).
    "NGO_CMS_ALLOW_DEMO": False,
    # Webhooks (ngo_cms.webhooks, docs/webhooks.md): seconds each request may take,
    # attempts per delivery, the first retry's delay in seconds (doubled after each
    # failure), consecutive failed attempts after which a target is disabled, and
    # the milestones of a petition's confirmed count (percentages of its goal, and
    # plain counts) that send "signatures.milestone".
    "WEBHOOK_TIMEOUT": 5,
    "WEBHOOK_MAX_ATTEMPTS": 6,
    "WEBHOOK_RETRY_DELAY": 30,
    "WEBHOOK_FAILURE_LIMIT": 20,
    "WEBHOOK_MILESTONE_PERCENTAGES": [25, 50, 75, 100],
    "WEBHOOK_MILESTONE_COUNTS": [1000, 10000, 100000],
    # CDNs that purge API answers by cache tag (docs/api.md): a name per backend,
    # {"BACKEND": "ngo_cms.api.purge.FastlyBackend", ...its options}.
    "PURGE_BY_KEY": {},
    # False: any publication drops every cached answer, as before cache tags (only
    # for comparing, in bench/api.py).
    "API_CACHE_TAGS": True,
}


class AppSettings:
    """Attribute access to a setting of the host, or its default from ``DEFAULTS``."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"ngo_cms has no setting {name!r}")
        return getattr(settings, name, DEFAULTS[name])


app_settings = AppSettings()


def admin_language_names() -> dict[str, str]:
    """Language names in their own language, by code, for every content language.

    From ``WAGTAILADMIN_PERMITTED_LANGUAGES`` when the host sets it, else from
    Django's table of languages ("Nederlands", "Français").
    """
    from django.utils.translation import get_language_info

    names = dict(getattr(settings, "WAGTAILADMIN_PERMITTED_LANGUAGES", None) or [])
    for code, _label in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or []:
        if code not in names:
            try:
                names[code] = get_language_info(code)["name_local"]
            except KeyError:
                names[code] = code
    return names
