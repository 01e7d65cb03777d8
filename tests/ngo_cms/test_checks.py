"""``manage.py check`` tells a host project what is missing, with a one-line fix."""

import pytest
from django.core import checks

from ngo_cms.checks import check_host_settings


def ids(messages: list[checks.CheckMessage]) -> dict[str, str]:
    return {message.id: message.hint for message in messages}


def test_the_example_site_passes_every_check():
    assert check_host_settings() == []


def test_i18n_off_is_an_error_with_its_fix(settings):
    settings.WAGTAIL_I18N_ENABLED = False
    assert "WAGTAIL_I18N_ENABLED = True" in ids(check_host_settings())["ngo_cms.E001"]


@pytest.fixture
def installed_apps(monkeypatch):
    """Change INSTALLED_APPS as the check reads it, without re-populating the app
    registry (override_settings would, and the running apps cannot be unloaded)."""
    from django.conf import settings

    def set_apps(apps: list[str]) -> None:
        monkeypatch.setattr(settings, "INSTALLED_APPS", apps)

    return set_apps


@pytest.mark.parametrize("app", ["wagtail_localize", "django_countries"])
def test_a_missing_app_is_named_in_the_fix(settings, installed_apps, app):
    installed_apps([a for a in settings.INSTALLED_APPS if a != app])
    assert (
        ids(check_host_settings())["ngo_cms.E002"] == f'Add "{app}" to INSTALLED_APPS.'
    )


def test_wagtail_locales_in_place_of_wagtail_localize_locales(settings, installed_apps):
    installed_apps(
        [
            "wagtail.locales" if a == "wagtail_localize.locales" else a
            for a in settings.INSTALLED_APPS
        ]
    )
    found = ids(check_host_settings())
    assert "wagtail_localize.locales" in found["ngo_cms.E003"]


def test_the_starter_language_code_en_us_is_refused(settings):
    settings.LANGUAGE_CODE = "en-us"
    assert ids(check_host_settings())["ngo_cms.E004"] == 'Set LANGUAGE_CODE = "en".'


def test_djangos_locale_middleware_is_replaced_by_the_api_aware_one(settings):
    settings.MIDDLEWARE = [
        "django.middleware.locale.LocaleMiddleware"
        if m == "ngo_cms.api.middleware.ApiAwareLocaleMiddleware"
        else m
        for m in settings.MIDDLEWARE
    ]
    hint = ids(check_host_settings())["ngo_cms.W001"]
    assert "ngo_cms.api.middleware.ApiAwareLocaleMiddleware" in hint


def test_checks_run_with_manage_py_check(settings):
    settings.LANGUAGE_CODE = "en-us"
    assert "ngo_cms.E004" in {m.id for m in checks.run_checks()}
