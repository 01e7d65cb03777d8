"""Production hardening: deploy checks, the shared cache, the Content-Security-Policy
and how documents are served."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.documents import get_document_model

from ngo_cms.api import caching

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-" + "z" * 20,
    "ALLOWED_HOSTS": "ngo.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/4",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_is_configurable():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD)"
    )
    default = manage("-c", code)
    assert default.stdout.split() == ["31536000", "True", "True"]
    changed = manage(
        "-c",
        code,
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="false",
    )
    assert changed.stdout.split() == ["600", "False", "False"]


@pytest.fixture
def redis_down(settings):
    """The default cache on a Redis that does not answer (nothing listens there)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "ngo_cms.cache.FailSafeRedisCache",
            "LOCATION": "redis://127.0.0.1:1/4",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    # Django's setting_changed handler makes the cache handler re-read CACHES.
    return caches["default"]


@pytest.mark.django_db
def test_content_is_served_from_the_database_when_redis_is_down(redis_down):
    from django.core.cache import cache

    from casepages.models import PrisonerCasePage

    assert cache.get("anything") is None  # a miss, not an exception
    case = PrisonerCasePage.objects.live().filter(locale__language_code="en").first()
    client = Client()
    for _ in range(2):
        response = client.get(f"/api/v1/en/cases/{case.slug}/")
        assert response.status_code == 200
        assert response.json()["title"] == case.title
    assert client.get("/api/v1/en/cases/").status_code == 200
    assert client.get(case.url).status_code == 200


def test_the_fail_safe_cache_works_on_a_real_redis(settings):
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/4").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    from ngo_cms.cache import FailSafeRedisCache

    cache = FailSafeRedisCache(
        "redis://127.0.0.1:6379/4", {"KEY_PREFIX": "ngo_cms_test_h"}
    )
    cache.set("k", {"a": 1}, 30)
    assert cache.get("k") == {"a": 1}
    assert cache.add("k", 2) is False
    cache.delete("k")
    assert cache.get("k", "gone") == "gone"


def test_generation_survives_a_redis_outage(redis_down):
    first = caching.current_generation()[0]
    assert caching.current_generation()[0] >= first


# --- Content-Security-Policy -------------------------------------------------------
@pytest.mark.django_db
def test_public_pages_and_the_api_carry_a_strict_policy(client):
    from casepages.models import PrisonerCasePage

    case = PrisonerCasePage.objects.live().first()
    for response in (client.get(case.url), client.get("/api/v1/docs/")):
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        script_src = next(
            part for part in policy.split(";") if part.strip().startswith("script-src")
        )
        assert "'unsafe-inline'" not in script_src
        assert "frame-ancestors 'none'" in policy
    docs = client.get("/api/v1/docs/").content.decode()
    assert "<script>" not in docs.replace("<script></script>", "")  # no inline code
    assert client.get("/api/v1/docs/?script").status_code == 200


@pytest.mark.django_db
def test_the_admin_edit_page_renders_under_its_policy(admin_client):
    from casepages.models import PrisonerCasePage

    case = PrisonerCasePage.objects.first()
    response = admin_client.get(f"/admin/pages/{case.pk}/edit/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy  # Wagtail's preview panel
    # Every script the page loads comes from this site.
    html = response.content.decode()
    assert 'src="http' not in html.replace('src="http://testserver', "")


# --- Documents ------------------------------------------------------------------------
@pytest.mark.django_db
def test_documents_are_served_through_wagtails_view(settings):
    from django.core.files.base import ContentFile

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
    )
    assert document.url.startswith("/documents/")
    assert "/media/" not in document.url
    response = Client().get(document.url)
    assert response.status_code == 200
