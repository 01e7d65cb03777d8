"""Settings of the two app servers in tests/scale/: production's, with the
environment the test sets (PostgreSQL, Redis, the moto S3 server, its SMTP server,
TASKS_BACKEND=rq), and only what plain HTTP on 127.0.0.1 needs changed."""

from example_site.settings.production import *  # noqa: F403
from example_site.settings.production import STORAGES

# Plain HTTP on 127.0.0.1: no HTTPS-only cookies.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The test's superuser is hashed with the test settings' fast hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The admin's second factor has its own tests (tests/ngo_cms/test_accounts.py).
SECOND_FACTOR_REQUIRED = False
# No collectstatic in a test: the admin's pages name static files without a manifest.
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Retries at once, so that a burst worker runs them without RQ's scheduler.
TASKS_RETRY_INTERVALS = [0]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
