"""The core and casepages without actions, on a SQLite file of their own
(test_without_actions.py runs them in a subprocess)."""

import os

from example_site.settings.test import *  # noqa: F403
from example_site.settings.test import INSTALLED_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "actions"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["WITHOUT_ACTIONS_DATABASE"],
    }
}
