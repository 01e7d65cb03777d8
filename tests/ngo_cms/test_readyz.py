"""The readiness probe load balancers ask: JSON, never cached, 503 when a shared
part is down (tests/scale/ uses it to wait for its servers)."""

import pytest

pytestmark = pytest.mark.django_db


def test_ready_when_database_and_cache_answer(client):
    answer = client.get("/readyz/")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert "no-cache" in answer["Cache-Control"]


def test_unavailable_when_the_shared_cache_is_down(client, settings):
    # Nothing listens on port 1: the throttle cache (Redis in production) is down.
    settings.CACHES = {
        **settings.CACHES,
        "throttle": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    answer = client.get("/readyz/")
    assert answer.status_code == 503
    assert answer.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "unavailable"},
    }
    # The answer names the part, not its error (a host name, a password).
    assert "127.0.0.1" not in answer.content.decode()


def test_liveness_stays_plain(client):
    answer = client.get("/healthz/")
    assert answer.status_code == 200
    assert answer.content == b"ok"
