"""Production: secrets, hosts and the shared cache come from the environment, or the
server won't start.

Set ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``REDIS_URL`` (and usually
``DATABASE_URL``); docs/operators.md ("Production deployment") lists the rest. Without a
shared cache every worker would keep its own cache generation and throttles: an
unpublished page would go on being served by some of them, and limits would be
per worker.
"""

import sys

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    HSTS_INCLUDE_SUBDOMAINS,
    HSTS_PRELOAD,
    HSTS_SECONDS,
    REDIS_URL,
    SECRET_KEY,
)

_missing = [
    name
    for name, value in (
        ("SECRET_KEY", SECRET_KEY),
        ("ALLOWED_HOSTS", ALLOWED_HOSTS),
        ("REDIS_URL", REDIS_URL),
    )
    if not value
]
if _missing:
    # One readable line instead of a traceback: this is an operator's mistake, not
    # a bug, and the fix is to set the variables.
    sys.exit(
        "ngo_cms: refusing to start in production without "
        + (
            ", ".join(_missing[:-1]) + " and " + _missing[-1]
            if len(_missing) > 1
            else _missing[0]
        )
        + "; set them in the environment (see docs/operators.md, 'Production deployment')."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_HSTS_SECONDS = HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = HSTS_INCLUDE_SUBDOMAINS
SECURE_HSTS_PRELOAD = HSTS_PRELOAD
SECURE_SSL_REDIRECT = HTTPS_REDIRECT  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
