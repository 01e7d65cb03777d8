"""HTTP caching and the server-side response cache."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/api/v1/", "/api/v1/locales/", "/api/v1/en/navigation/", "/api/v1/nl/cases/"],
)
def test_every_get_has_etag_last_modified_and_cache_control(api, url):
    response = api.get(url)
    assert response["ETag"].startswith('"')
    assert "Last-Modified" in response
    assert response["Cache-Control"] == (
        f"public, max-age={settings.API_CACHE_MAX_AGE}, "
        f"stale-while-revalidate={settings.API_STALE_WHILE_REVALIDATE}"
    )


def test_matching_if_none_match_answers_304(api, cases):
    url = f"/api/v1/fr/cases/{cases['fr'].slug}/"
    etag = api.get(url)["ETag"]
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert api.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_matching_if_modified_since_answers_304(api):
    last_modified = api.get("/api/v1/en/cases/")["Last-Modified"]
    response = api.get("/api/v1/en/cases/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_cached_answer_is_served_without_queries(api, cases):
    url = f"/api/v1/nl/cases/{cases['nl'].slug}/"
    first = api.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = api.get(url)
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Language"] == "nl"


def test_publishing_a_change_shows_in_the_next_answer(api, cases):
    url = f"/api/v1/nl/cases/{cases['nl'].slug}/"
    before = api.get(url)
    page = cases["nl"]
    page.summary = "Een nieuwe samenvatting."
    page.save_revision().publish()
    after = api.get(url)
    assert after.json()["summary"] == "Een nieuwe samenvatting."
    assert after["ETag"] != before["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_unpublishing_removes_the_page_from_cached_lists(api, cases):
    api.get("/api/v1/en/cases/")
    cases["en"].unpublish()
    ids = {item["id"] for item in api.get("/api/v1/en/cases/").json()["results"]}
    assert cases["en"].pk not in ids


def test_saving_a_snippet_refreshes_cached_answers(api, cases):
    url = f"/api/v1/en/cases/{cases['en'].slug}/"
    api.get(url)
    theme = cases["en"].themes.first()
    theme.name = "Renamed theme"
    theme.save()
    names = {t["name"] for t in api.get(url).json()["themes"]}
    assert "Renamed theme" in names


def test_moving_a_page_refreshes_cached_answers(api, cases, case_index):
    from tests.factories.casepages import PrisonerCasePageFactory

    page = PrisonerCasePageFactory(parent=case_index["en"], slug="moving")
    old = api.get(f"/api/v1/en/cases/{page.slug}/").json()["url"]
    page.move(case_index["en"], pos="first-child")
    page.slug = "moved"
    page.save_revision().publish()
    assert api.get("/api/v1/en/cases/moving/").status_code == 404
    assert api.get("/api/v1/en/cases/moved/").json()["url"] != old


def test_cors_allows_configured_origins(api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]
    response = api.get("/api/v1/locales/", HTTP_ORIGIN="https://front.example.org")
    assert response["Access-Control-Allow-Origin"] == "https://front.example.org"
    other = api.get("/api/v1/locales/", HTTP_ORIGIN="https://evil.example.org")
    assert "Access-Control-Allow-Origin" not in other


def test_publishing_purges_the_api_addresses_from_the_frontend_cache(
    api, cases, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cases["nl"].save_revision().publish()
    assert any(url.endswith(f"/api/v1/nl/cases/{cases['nl'].slug}/") for url in purged)
    assert any("/api/v1/resolve/?path=/nl/" in url for url in purged)
    assert any(url.endswith("/api/v1/nl/navigation/") for url in purged)


def test_answers_with_signature_counts_stay_cached_only_briefly(api, actions):
    from django.core.cache import cache

    url = f"/api/v1/en/actions/{actions['en'].slug}/"
    with mock_cache_set(cache) as timeouts:
        api.get(url)
        api.get("/api/v1/en/cases/")
    assert timeouts == [settings.API_CACHE_MAX_AGE, 60 * 60]


def mock_cache_set(cache):
    """Record the timeouts of the response cache's writes."""
    from contextlib import contextmanager
    from unittest import mock

    @contextmanager
    def recorder():
        timeouts: list[int] = []
        original = cache.set

        def record(key, value, timeout=None, *args, **kwargs):
            if key.startswith("ngo_cms:api:response"):
                timeouts.append(timeout)
            return original(key, value, timeout, *args, **kwargs)

        with mock.patch.object(cache, "set", record):
            yield timeouts

    return recorder()
