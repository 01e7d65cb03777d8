"""Settings of the signing benchmark: production-like, on a throw-away PostgreSQL
database, with Redis (``REDIS_URL``) for the response cache and the throttle.

``NUM_PROXIES = 1``: the load generator plays many clients by sending each request
with its own ``X-Forwarded-For``, as a proxy in front of the site would.
"""

import os

from bench.settings import *  # noqa: F403

REDIS_URL = os.environ["REDIS_URL"]
CACHES = {
    "default": {
        # As in production (example_site/settings/base.py).
        "BACKEND": "ngo_cms.cache.FailSafeRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench_signing",
    },
    "throttle": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench_signing_throttle",
    },
}
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": 1}  # noqa: F405
NUM_PROXIES = 1
ROOT_URLCONF = "example_site.urls"
# Mails stay queued in the database (no worker runs during the benchmark).
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
