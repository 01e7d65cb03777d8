"""Settings for the test suite: fast, isolated and with no external service.

``DATABASE_URL`` still switches the database, so CI runs the same suite on SQLite
and on PostgreSQL.
"""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# MD5 makes creating users in tests fast; it is never used outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test run gets a fresh cache and media folder, whatever REDIS_URL says.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "throttle",
    },
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="ngo_cms_test_media_")
# The manifest storage needs collectstatic; tests render templates without it.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run as soon as they are enqueued (after the transaction commits, as in
# production), so a test sees their effect; tests of the worker override this.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests build the demo (load_demo refuses with DEBUG off otherwise).
NGO_CMS_ALLOW_DEMO = True
# Login throttling needs the request in authenticate(), which the test client's
# login() does not pass; the tests of throttling turn it on (tests/ngo_cms/
# test_accounts.py) and log in through the admin's login form.
AXES_ENABLED = False
# Likewise the admin's second factor: tests of other features log in with
# force_login; tests/ngo_cms/test_accounts.py turns it on and goes through it.
SECOND_FACTOR_REQUIRED = False
