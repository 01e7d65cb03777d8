"""Contract of the endpoints every site has: index, locales, navigation, resolve."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from ngo_cms.api import messages

from .conftest import LOCALES, message

ENVELOPE = {
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
}

pytestmark = pytest.mark.django_db


def test_index_lists_locales_and_endpoints(api):
    response = api.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert [locale["code"] for locale in body["locales"]] == LOCALES
    for key in ("cases", "actions", "rallies", "locales", "navigation", "resolve"):
        assert key in body["endpoints"]
    assert body["endpoints"]["cases"] == "/api/v1/{locale}/cases/"


def test_locales_name_each_language_in_itself_with_english_default(api):
    body = api.get("/api/v1/locales/").json()
    assert body == [
        {"code": "en", "name": "English", "is_default": True},
        {"code": "nl", "name": "Nederlands", "is_default": False},
        {"code": "fr", "name": "Français", "is_default": False},
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_navigation_lists_home_and_sections_in_the_locale(api, locale, home_pages):
    response = api.get(f"/api/v1/{locale}/navigation/")
    assert response.status_code == 200
    assert response["Content-Language"] == locale
    body = response.json()
    assert body["home"]["id"] == home_pages[locale].pk
    assert body["home"]["url"] == f"/{locale}/"
    types = [item["type"] for item in body["items"]]
    assert types == [
        "casepages.CaseIndexPage",
        "actions.ActionIndexPage",
        "actions.RallyIndexPage",
    ]
    assert all(item["locale"] == locale for item in body["items"])
    assert body["items"][0]["api_url"] == f"/api/v1/{locale}/cases/"


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_locale_is_a_json_404_that_does_not_vary_on_accept_language(
    api, locale
):
    response = api.get("/api/v1/de/navigation/", HTTP_ACCEPT_LANGUAGE=locale)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "Accept-Language" not in response.get("Vary", "")
    body = response.json()
    assert body["code"] == "unknown_locale"
    assert body["message"] == message(
        messages.UNKNOWN_LOCALE, "en", locale="de", choices="en, nl, fr"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_address_under_a_locale_answers_in_that_language(api, locale):
    response = api.get(f"/api/v1/{locale}/nope/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Language"] == locale
    assert response.json()["message"] == message(messages.NOT_FOUND, locale)


def test_unknown_api_address_is_a_json_404_not_a_redirect(api):
    response = api.get("/api/v1/nowhere/at/all/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("locale", LOCALES)
def test_resolve_serves_a_case_by_its_public_path(api, locale, cases):
    page = cases[locale]
    response = api.get("/api/v1/resolve/", {"path": page.url})
    assert response.status_code == 200
    assert response["Content-Language"] == locale
    body = response.json()
    assert set(body) >= ENVELOPE
    assert body["id"] == page.pk
    assert body["type"] == "casepages.PrisonerCasePage"
    assert body["api_url"] == f"/api/v1/{locale}/cases/{page.slug}/"
    assert "timeline" in body


@pytest.mark.parametrize("locale", LOCALES)
def test_resolve_serves_home_pages_with_their_intro(api, locale):
    body = api.get("/api/v1/resolve/", {"path": f"/{locale}/"}).json()
    assert body["type"] == "ngo_cms.HomePage"
    assert body["locale"] == locale
    assert "intro" in body


def test_resolve_answers_a_redirect_object_for_a_redirected_path(api, cases):
    Redirect.objects.create(old_path="/en/old-case", redirect_page=cases["en"])
    body = api.get("/api/v1/resolve/", {"path": "/en/old-case/"}).json()
    assert body["type"] == "redirect"
    assert body["location"] == cases["en"].url
    assert body["is_permanent"] is True
    assert body["api_url"] == f"/api/v1/en/cases/{cases['en'].slug}/"


@pytest.mark.parametrize("locale", LOCALES)
def test_resolve_of_an_unknown_path_is_a_translated_404(api, locale):
    path = f"/{locale}/no-such-page/"
    response = api.get("/api/v1/resolve/", {"path": path})
    assert response.status_code == 404
    assert response.json()["message"] == message(
        messages.UNKNOWN_PATH, locale, path=path
    )


def test_resolve_without_a_path_is_a_400(api):
    response = api.get("/api/v1/resolve/")
    assert response.status_code == 400
    assert response.json()["code"] == "missing_path"


@pytest.mark.parametrize("locale", LOCALES)
def test_envelope_lists_every_translation_with_its_status(api, locale, cases):
    body = api.get(f"/api/v1/{locale}/cases/{cases[locale].slug}/").json()
    assert [t["locale"] for t in body["translations"]] == LOCALES
    for item in body["translations"]:
        assert item["status"] == "live"
        assert item["url"] == cases[item["locale"]].url
    assert body["seo"]["canonical_url"].endswith(cases[locale].url)
    assert body["fallback"] is False
