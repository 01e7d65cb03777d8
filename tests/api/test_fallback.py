"""Locale fallback: a page missing in a language is a 404 unless ?fallback=1."""

import pytest

from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_only(case_index):
    """A case in English with an untranslated alias in Dutch (synchronised tree)."""
    page = PrisonerCasePageFactory(parent=case_index["en"], slug="only-english")
    alias = page.copy_for_translation(case_index["nl"].locale, alias=True)
    return page, alias


def test_alias_of_an_untranslated_page_counts_as_missing(api, english_only):
    response = api.get("/api/v1/nl/cases/only-english/")
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_slug"


def test_fallback_serves_the_default_language_marked_as_fallback(api, english_only):
    page, _alias = english_only
    response = api.get("/api/v1/nl/cases/only-english/?fallback=1")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    body = response.json()
    assert body["id"] == page.pk
    assert body["locale"] == "en"
    assert body["fallback"] is True
    status = {item["locale"]: item["status"] for item in body["translations"]}
    assert status == {"en": "live", "nl": "missing", "fr": "missing"}


def test_fallback_finds_a_page_that_has_no_row_in_the_locale(api, english_only):
    response = api.get("/api/v1/fr/cases/only-english/?fallback=1")
    assert response.status_code == 200
    assert response.json()["fallback"] is True


def test_alias_is_not_listed(api, english_only):
    body = api.get("/api/v1/nl/cases/").json()
    assert "only-english" not in {item["slug"] for item in body["results"]}


def test_resolve_of_an_alias_is_a_404_unless_fallback(api, english_only):
    _page, alias = english_only
    assert api.get("/api/v1/resolve/", {"path": alias.url}).status_code == 404
    response = api.get("/api/v1/resolve/", {"path": alias.url, "fallback": "1"})
    assert response.status_code == 200
    assert response.json()["fallback"] is True
