"""Production: secrets and hosts come from the environment, or the server won't start.

Set ``SECRET_KEY`` and ``ALLOWED_HOSTS`` (and usually ``DATABASE_URL`` and
``REDIS_URL``); README.md ("Production deployment") lists the rest.
"""

import sys

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

_missing = [
    name
    for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
    if not value
]
if _missing:
    # One readable line instead of a traceback: this is an operator's mistake, not
    # a bug, and the fix is to set the variables.
    sys.exit(
        "ngo_cms: refusing to start in production without "
        + " and ".join(_missing)
        + "; set them in the environment (see README.md, 'Production deployment')."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
SECURE_SSL_REDIRECT = HTTPS_REDIRECT  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
