"""Cached answers cannot be poisoned, multiplied or kept after content leaves."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from ngo_cms.api import caching

pytestmark = pytest.mark.django_db


def site_root() -> str:
    return Site.objects.get(is_default_site=True).root_url


@pytest.fixture
def two_cases(case_index):
    from tests.factories.casepages import PrisonerCasePageFactory

    PrisonerCasePageFactory(parent=case_index["en"], slug="second-case")


def test_a_forged_host_never_reaches_absolute_urls(api, cases, two_cases):
    url = f"/api/v1/en/cases/{cases['en'].slug}/"
    forged = api.get(url, HTTP_HOST="evil.example.org").content.decode()
    assert "evil.example.org" not in forged
    assert site_root() in forged  # rendition URLs and the canonical link
    listing = api.get("/api/v1/en/cases/?page_size=1", HTTP_HOST="evil.example.org")
    assert listing.json()["next"].startswith(site_root() + "/api/v1/en/cases/?")
    assert "evil.example.org" not in listing.content.decode()
    # The cached answer that other readers get is the same, built on the Site.
    assert api.get(url).content.decode() == forged


def test_unread_query_parameters_neither_bypass_nor_multiply_the_cache(
    api, cases, two_cases
):
    url = f"/api/v1/en/cases/{cases['en'].slug}/"
    first = api.get(url)
    with CaptureQueriesContext(connection) as queries:
        for n in range(3):
            busted = api.get(url, {"_": str(n), "utm_source": "x"})
            assert busted.content == first.content
    assert len(queries) == 0
    listing = api.get("/api/v1/en/cases/", {"page_size": 1, "_": "1"}).json()
    assert "_=" not in listing["next"]
    assert "page_size=1" in listing["next"]


def test_parameters_an_endpoint_reads_still_make_their_own_entry(api, cases):
    everyone = api.get("/api/v1/en/cases/").json()["count"]
    assert api.get("/api/v1/en/cases/", {"status": "released"}).json()["count"] <= (
        everyone
    )
    filtered = api.get("/api/v1/en/cases/", {"q": cases["en"].title}).json()
    assert filtered["count"] == 1


def response_writes(monkeypatch) -> list[str]:
    keys: list[str] = []
    original = cache.set

    def record(key, *args, **kwargs):
        if key.startswith(caching.RESPONSE_KEY_PREFIX):
            keys.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", record)
    return keys


def test_the_schema_is_generated_once(api, cases, monkeypatch):
    writes = response_writes(monkeypatch)
    first = api.get("/api/v1/schema/")
    assert first.status_code == 200
    for n in range(3):
        assert api.get("/api/v1/schema/", {"bust": n}).content == first.content
    cases["en"].save_revision().publish()  # content changed: the schema did not
    api.get("/api/v1/schema/")
    assert len(writes) == 1


def test_the_docs_page_is_not_shared(api, monkeypatch):
    writes = response_writes(monkeypatch)
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert writes == []


def test_the_generation_never_goes_back_when_its_key_is_lost():
    caching.bump_generation()
    caching.bump_generation()
    before = caching.current_generation()[0]
    cache.delete(caching.GENERATION_KEY)
    after = caching.current_generation()[0]
    assert after > before
    caching.bump_generation()
    assert caching.current_generation()[0] > after


def own_addresses(page: Page) -> list[str]:
    return [
        f"/api/v1/{page.locale.language_code}/cases/{page.slug}/",
        f"/api/v1/resolve/?path={page.url}",
        f"/api/v1/{page.locale.language_code}/cases/",
    ]


def assert_purged(purged: list[str], page: Page) -> None:
    for path in own_addresses(page):
        assert any(url.endswith(path) for url in purged), (path, purged)
    assert all(url.startswith(site_root()) for url in purged if "/api/" in url)


def test_unpublishing_purges_after_commit(
    cases, purged, django_capture_on_commit_callbacks
):
    page = cases["nl"]
    url, slug = page.url, page.slug
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.unpublish()
    # Nothing of the API before the commit (Wagtail purges the HTML page itself).
    assert not [url for url in purged if "/api/" in url]
    for callback in callbacks:
        callback()
    assert any(u.endswith(f"/api/v1/nl/cases/{slug}/") for u in purged)
    assert any(u.endswith(f"/api/v1/resolve/?path={url}") for u in purged)
    assert any(u.endswith("/api/v1/nl/cases/") for u in purged)


def test_making_a_page_private_purges_it(
    cases, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=cases["fr"], restriction_type=PageViewRestriction.LOGIN
        )
    assert_purged(purged, cases["fr"])
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=cases["fr"]).delete()
    assert_purged(purged, cases["fr"])


def test_a_private_section_purges_the_pages_below_it(
    cases, case_index, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=case_index["nl"], restriction_type=PageViewRestriction.LOGIN
        )
    assert_purged(purged, cases["nl"])


def test_deleting_a_page_purges_it(cases, purged, django_capture_on_commit_callbacks):
    page = cases["en"]
    paths = own_addresses(page)
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    for path in paths:
        assert any(url.endswith(path) for url in purged), path


def test_accept_headers_do_not_multiply_the_schema(api, monkeypatch):
    writes = response_writes(monkeypatch)
    for n in range(3):
        api.get("/api/v1/schema/", HTTP_ACCEPT=f"text/html;q=0.{n}, */*")
    assert len(writes) == 1
    json_schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert json_schema["Content-Type"].startswith("application/")
    assert json_schema.content.lstrip().startswith(b"{")
    assert len(writes) == 2
