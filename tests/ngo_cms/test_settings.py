"""Each settings module loads, and production refuses to start unconfigured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    """Import ``module`` in a fresh interpreter and print a few resolved values."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE']); "
        "print(s.CACHES['default']['BACKEND']); print(s.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("module", ["dev", "test"])
def test_settings_load_with_embedded_defaults(module):
    result = load_settings(f"example_site.settings.{module}")
    assert result.returncode == 0, result.stderr
    engine, cache, _debug = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"


def test_production_settings_load_when_configured():
    result = load_settings(
        "example_site.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="ngo.example.org",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "ngo_cms.cache.FailSafeRedisCache",
        "False",
    ]


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY, ALLOWED_HOSTS and REDIS_URL"),
        ({"SECRET_KEY": "x" * 50, "REDIS_URL": "redis://r/0"}, "ALLOWED_HOSTS"),
        (
            {"ALLOWED_HOSTS": "ngo.example.org", "REDIS_URL": "redis://r/0"},
            "SECRET_KEY",
        ),
        ({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "ngo.example.org"}, "REDIS_URL"),
    ],
)
def test_production_refuses_to_start_with_one_line_not_a_traceback(env, missing):
    result = load_settings("example_site.settings.production", **env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert f"without {missing};" in result.stderr
