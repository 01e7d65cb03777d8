"""Settings of the API benchmark: the project as in production, on a throw-away
database, with Wagtail's own API v2 mounted next to ours (``bench.urls``).

``BENCH_DATABASE_URL`` names the database (``bench/api.py`` makes a SQLite file in a
temporary folder, or a PostgreSQL database when ``DATABASE_URL`` is set);
``BENCH_API_CACHE=0`` turns off the API's server-side response cache, so that one
server measures uncached answers and another cached ones.
"""

import os

import dj_database_url

from example_site.settings.base import *  # noqa: F403
from example_site.settings.base import INSTALLED_APPS, WAGTAILSEARCH_BACKENDS

DEBUG = False
NGO_CMS_ALLOW_DEMO = True  # the benchmark seeds its own throwaway database
SECRET_KEY = "bench-only-key"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
DATABASES = {
    "default": dj_database_url.parse(os.environ["BENCH_DATABASE_URL"], conn_max_age=600)
}
MEDIA_ROOT = os.environ.get("BENCH_MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
API_RESPONSE_CACHE = os.environ.get("BENCH_API_CACHE", "1") == "1"
# One local-memory cache per worker, big enough for every URL the benchmark asks for;
# Redis (BENCH_REDIS_URL) as in production, shared by the workers and the publisher
# of the publish-storm scenario.
if os.environ.get("BENCH_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["BENCH_REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bench",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
API_CACHE_TAGS = os.environ.get("BENCH_CACHE_TAGS", "1") == "1"
# Seeding thousands of pages should not also index them for search.
WAGTAILSEARCH_BACKENDS = {
    name: {**config, "AUTO_UPDATE": False}
    for name, config in WAGTAILSEARCH_BACKENDS.items()
}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "ERROR"},
}
