"""Cache tags: answers name what they show, and a change drops only those answers."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ngo_cms.api import tags
from tests.factories.casepages import PrisonerCasePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def served_from_cache(api, url: str) -> bool:
    """Whether ``url`` is answered from the response cache (no query at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries) == 0


def warm(api, *urls: str) -> None:
    for url in urls:
        api.get(url)
        assert served_from_cache(api, url), url


@pytest.fixture
def second_case(case_index):
    return PrisonerCasePageFactory(parent=case_index["en"], slug="second-case")


def test_answers_name_what_they_show_in_cache_tag_and_surrogate_key(api, cases):
    page = cases["en"]
    response = api.get(f"/api/v1/en/cases/{page.slug}/")
    names = response["Cache-Tag"].split(",")
    assert response["Surrogate-Key"].split(" ") == names
    assert f"p:{page.translation_key}" in names
    theme = page.themes.first()
    assert f"s:casepages.theme:{theme.translation_key}" in names
    assert f"i:{page.specific.portrait_id}" in names
    listing = api.get("/api/v1/en/cases/")["Cache-Tag"].split(",")
    assert "l:casepages.prisonercasepage" in listing
    assert f"p:{page.translation_key}" in listing
    assert "nav" in api.get("/api/v1/en/navigation/")["Cache-Tag"].split(",")


def test_publishing_one_case_keeps_the_other_cases_cached(api, cases, second_case):
    other = f"/api/v1/en/cases/{cases['en'].slug}/"
    other_in_dutch = f"/api/v1/nl/cases/{cases['nl'].slug}/"
    changed = f"/api/v1/en/cases/{second_case.slug}/"
    warm(api, other, other_in_dutch, changed, "/api/v1/en/cases/")

    second_case.summary = "A new summary."
    second_case.save_revision().publish()

    assert served_from_cache(api, other)
    assert served_from_cache(api, other_in_dutch)
    assert api.get(changed).json()["summary"] == "A new summary."
    # The lists it appears in are refreshed.
    assert not served_from_cache(api, "/api/v1/en/cases/")


def test_publishing_a_translation_refreshes_every_language_of_that_page(
    api, cases, second_case
):
    urls = [f"/api/v1/{code}/cases/{cases[code].slug}/" for code in ("en", "nl", "fr")]
    warm(api, *urls, f"/api/v1/en/cases/{second_case.slug}/")
    dutch = cases["nl"]
    dutch.title = "Nieuwe titel"
    dutch.save_revision().publish()
    for url in urls:
        assert not served_from_cache(api, url), url
    english = api.get(urls[0]).json()
    assert "Nieuwe titel" in {t.get("title") for t in english["translations"]}
    assert served_from_cache(api, f"/api/v1/en/cases/{second_case.slug}/")


def test_changing_a_theme_refreshes_every_case_showing_it_and_no_other(
    api, cases, second_case, locales
):
    shown = cases["en"].specific.themes.first()
    unused = ThemeFactory(name="Unused theme", slug="unused", locale=locales["en"])
    second_case.themes.set([unused])
    second_case.save_revision().publish()
    with_theme = f"/api/v1/en/cases/{cases['en'].slug}/"
    with_theme_nl = f"/api/v1/nl/cases/{cases['nl'].slug}/"
    without = f"/api/v1/en/cases/{second_case.slug}/"
    warm(api, with_theme, with_theme_nl, without)

    shown.name = "Renamed theme"
    shown.save()

    assert "Renamed theme" in {t["name"] for t in api.get(with_theme).json()["themes"]}
    assert not served_from_cache(api, with_theme_nl)
    assert served_from_cache(api, without)


def test_changing_an_image_refreshes_the_answers_showing_it(api, cases, second_case):
    url = f"/api/v1/en/cases/{cases['en'].slug}/"
    warm(api, url, f"/api/v1/en/cases/{second_case.slug}/")
    image = cases["en"].specific.portrait
    image.title = "A new title"
    image.save()
    assert not served_from_cache(api, url)


def test_a_404_is_refreshed_when_a_page_is_published_at_its_address(api, case_index):
    url = "/api/v1/en/cases/not-yet/"
    assert api.get(url).status_code == 404
    assert api.get(url).status_code == 404
    page = PrisonerCasePageFactory(parent=case_index["en"], slug="not-yet")
    page.save_revision().publish()
    assert api.get(url).status_code == 200


def test_a_lost_tag_never_brings_back_an_answer_stored_before(api, cases, second_case):
    """When the cache loses a tag's version (eviction, restart), an answer stored
    with the old version must miss, even if the publication that changed the page
    is not known any more."""
    from django.core.cache import cache

    url = f"/api/v1/en/cases/{second_case.slug}/"
    warm(api, url)
    cache.delete(tags.TAG_KEY_PREFIX + tags.page_tag(second_case.translation_key))
    assert not served_from_cache(api, url)
    assert served_from_cache(api, url)


class PurgeRecorder(BaseHTTPRequestHandler):
    """A CDN's purge API on 127.0.0.1: records each request."""

    received: list[dict] = []

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        PurgeRecorder.received.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers),
                "body": json.loads(body) if body else None,
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"success": true}')

    do_POST = do_PURGE = _record

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_pages_tags_from_cdns_after_commit(
    cases, settings, purge_server, django_capture_on_commit_callbacks
):
    settings.PURGE_BY_KEY = {
        "varnish": {"BACKEND": "ngo_cms.api.purge.HTTPBackend", "URL": purge_server},
        "cloudflare": {
            "BACKEND": "ngo_cms.api.purge.CloudflareBackend",
            "API_URL": purge_server,
            "ZONE_ID": "zone",
            "BEARER_TOKEN": "token",
        },
        "fastly": {
            "BACKEND": "ngo_cms.api.purge.FastlyBackend",
            "API_URL": purge_server,
            "SERVICE_ID": "svc",
            "API_KEY": "key",
        },
    }
    page_tag = f"p:{cases['nl'].translation_key}"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cases["nl"].save_revision().publish()
    assert PurgeRecorder.received == []  # nothing before the commit
    for callback in callbacks:
        callback()
    by_path = {item["path"]: item for item in PurgeRecorder.received}
    varnish = next(i for i in PurgeRecorder.received if i["method"] == "PURGE")
    assert page_tag in varnish["headers"]["xkey-purge"].split(" ")
    cloudflare = by_path["/zones/zone/purge_cache"]
    assert page_tag in cloudflare["body"]["tags"]
    assert cloudflare["headers"]["Authorization"] == "Bearer token"
    fastly = by_path["/service/svc/purge"]
    assert page_tag in fastly["headers"]["Surrogate-Key"].split(" ")
    assert fastly["headers"]["Fastly-Key"] == "key"


def test_a_cdn_that_fails_never_blocks_publishing(
    cases, settings, django_capture_on_commit_callbacks
):
    settings.PURGE_BY_KEY = {
        "down": {
            "BACKEND": "ngo_cms.api.purge.HTTPBackend",
            "URL": "http://127.0.0.1:9/",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        cases["nl"].save_revision().publish()
    cases["nl"].refresh_from_db()
    assert cases["nl"].live
