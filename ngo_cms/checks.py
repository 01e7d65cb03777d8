"""System checks: what a host project must set for the apps to work, and the fix.

Each message names one setting and its ``hint`` is the one-line fix, so that
``manage.py check`` in a site that just added the apps reads as a to-do list
(docs/install.md walks through the same steps).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

# Apps the three apps import models, templates or translations from.
REQUIRED_APPS = {
    "wagtail_localize": "translation of pages and snippets",
    "wagtail_localize.locales": "locale management (in place of wagtail.locales)",
    "wagtail_headless_preview": "the Preview button in a headless front end",
    "rest_framework": "the content API",
    "drf_spectacular": "the API schema",
    "django_countries": "country names in every language",
}
PLAIN_LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
API_LOCALE_MIDDLEWARE = "ngo_cms.api.middleware.ApiAwareLocaleMiddleware"


@register(Tags.compatibility)
def check_host_settings(app_configs: Any = None, **kwargs: Any) -> list:
    """The settings a host project needs for ngo_cms, casepages and actions."""
    errors: list = []
    installed = list(settings.INSTALLED_APPS)

    if not (settings.USE_I18N and getattr(settings, "WAGTAIL_I18N_ENABLED", False)):
        errors.append(
            Error(
                "ngo_cms needs internationalisation: USE_I18N and "
                "WAGTAIL_I18N_ENABLED must both be True.",
                hint="Set USE_I18N = True and WAGTAIL_I18N_ENABLED = True.",
                id="ngo_cms.E001",
            )
        )
    for app, why in REQUIRED_APPS.items():
        if app not in installed:
            errors.append(
                Error(
                    f"ngo_cms needs {app!r} in INSTALLED_APPS ({why}).",
                    hint=f'Add "{app}" to INSTALLED_APPS.',
                    id="ngo_cms.E002",
                )
            )
    if "wagtail.locales" in installed:
        errors.append(
            Error(
                "'wagtail.locales' and wagtail-localize's locale synchronisation "
                "cannot both manage locales.",
                hint='Replace "wagtail.locales" by "wagtail_localize.locales" '
                "in INSTALLED_APPS.",
                id="ngo_cms.E003",
            )
        )

    languages = [code for code, _name in settings.LANGUAGES]
    if settings.LANGUAGE_CODE not in languages:
        errors.append(
            Error(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is not one of LANGUAGES "
                f"({', '.join(languages)}): it would appear in every API answer's "
                "translations.",
                hint=f'Set LANGUAGE_CODE = "{languages[0] if languages else "en"}".',
                id="ngo_cms.E004",
            )
        )
    content = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or []
    unknown = [code for code, _name in content if code not in languages]
    if unknown:
        errors.append(
            Error(
                f"WAGTAIL_CONTENT_LANGUAGES has languages that LANGUAGES lacks: "
                f"{', '.join(unknown)}.",
                hint="Set LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [...].",
                id="ngo_cms.E005",
            )
        )

    if PLAIN_LOCALE_MIDDLEWARE in settings.MIDDLEWARE:
        errors.append(
            Warning(
                "Django's LocaleMiddleware redirects unprefixed paths: API 404s "
                "under /api/ become redirects to HTML pages.",
                hint=f'Replace "{PLAIN_LOCALE_MIDDLEWARE}" by "{API_LOCALE_MIDDLEWARE}" '
                "in MIDDLEWARE.",
                id="ngo_cms.W001",
            )
        )
    elif API_LOCALE_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(
            Warning(
                "No locale middleware: the public pages under i18n_patterns are "
                "not served in the visitor's language.",
                hint=f'Add "{API_LOCALE_MIDDLEWARE}" to MIDDLEWARE after '
                "SessionMiddleware.",
                id="ngo_cms.W002",
            )
        )
    if "actions" in installed and (
        "django_otp.plugins.otp_totp" not in installed
        or "ngo_cms.accounts.SecondFactorMiddleware" not in settings.MIDDLEWARE
    ):
        errors.append(
            Warning(
                "No second factor: superusers and campaigners, who can export every "
                "signer, log in to the admin with a password alone.",
                hint='Add "django_otp" and "django_otp.plugins.otp_totp" to '
                'INSTALLED_APPS, and "django_otp.middleware.OTPMiddleware" then '
                '"ngo_cms.accounts.SecondFactorMiddleware" to MIDDLEWARE after '
                "AuthenticationMiddleware (docs/security.md).",
                id="ngo_cms.W003",
            )
        )
    return errors
