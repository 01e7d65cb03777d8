"""Local development: debug on, a fixed insecure key, every host allowed."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = True
# Only for a developer's machine: production refuses to start without its own key.
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Only for `manage.py makemessages` run from the repository root: without it, the
# strings of casepages and actions (which have no locale folder of their own) would
# have nowhere to go. Translators keep one catalogue for the three apps.
LOCALE_PATHS = [BASE_DIR / "ngo_cms" / "locale"]  # noqa: F405
# The demo's `admin` logs in with its password alone on a developer's machine; set
# SECOND_FACTOR_REQUIRED=true to try the authenticator enrolment. Production always
# requires it for superusers and campaigners (base.py).
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", False)  # noqa: F405
