"""A host project without our REST_FRAMEWORK, SPECTACULAR_SETTINGS or API settings
still gets a working API: the apps carry their own configuration and defaults."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare_host(settings):
    """Settings as a `wagtail start` project has them: none of ours for the API."""
    settings.REST_FRAMEWORK = {}
    settings.SPECTACULAR_SETTINGS = {}
    for name in (
        "API_CACHE_MAX_AGE",
        "API_STALE_WHILE_REVALIDATE",
        "FRONTEND_URL",
        "WAGTAILADMIN_PERMITTED_LANGUAGES",
        "SIGNING_RATES",
        "SIGNING_CONFIRM_MAX_AGE",
        "SIGNING_PENDING_DAYS",
        "SIGNING_CONFIRM_URL",
        "PREVIEW_TOKEN_MAX_AGE",
    ):
        delattr(settings, name)
    settings.CACHES = {"default": settings.CACHES["default"]}
    return settings


def test_lists_answer_with_the_default_cache_headers(bare_host, client):
    response = client.get("/api/v1/en/cases/")
    assert response.status_code == 200
    assert response["Cache-Control"] == (
        "public, max-age=60, stale-while-revalidate=300"
    )


def test_locales_are_named_in_their_own_language(bare_host, client):
    body = client.get("/api/v1/locales/").json()
    names = {item["code"]: item["name"] for item in body}
    assert names == {"en": "English", "nl": "Nederlands", "fr": "français"}


def test_errors_are_the_apis_json_not_drfs_default(bare_host, client):
    response = client.get("/api/v1/en/cases/?ordering=nonsense")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_filter"


def test_schema_and_docs_work_and_load_nothing_from_a_cdn(bare_host, client):
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    assert set(schema.json()["paths"]) and all(
        path.startswith("/api/v1/") for path in schema.json()["paths"]
    )
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert "cdn.jsdelivr" not in docs.content.decode()


def test_signing_is_throttled_at_the_default_rate_by_the_peer_address(
    bare_host, client, actions
):
    """No SIGNING_RATES, no "throttle" cache, no NUM_PROXIES: ten signatures a
    minute per peer address, and a forged X-Forwarded-For does not reset it."""
    from django.core.cache import cache

    from tests.factories.actions import valid_signature_data

    cache.clear()
    url = f"/api/v1/en/actions/{actions['en'].slug}/signatures/"
    answers = [
        client.post(
            url,
            data=valid_signature_data(email=f"s{n}@example.org"),
            REMOTE_ADDR="192.0.2.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(11)
    ]
    assert answers == [202] * 10 + [429]
