"""Settings shared by every environment.

Every environment variable the project reads is declared in the block below, with
its type and its default. The defaults give the embedded setup: a SQLite file and a
media folder under ``var/``, and a local-memory cache, so nothing needs to run
besides Python. docs/operators.md ("Configuration") and ``.env.example`` list them all.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ngo_cms.api.spectacular import schema_settings
from ngo_cms.machine_translation import machine_translator_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


# --- Environment -------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")  # str, required in production
DEBUG = env_bool("DEBUG", False)  # bool
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # comma-separated host names
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))  # SQLite file and media
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
REDIS_URL = os.environ.get("REDIS_URL", "")  # e.g. redis://127.0.0.1:6379/0
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(VAR_DIR / "media"))
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(VAR_DIR / "static"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")  # front-end origins
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
FRONTEND_URL = os.environ.get("FRONTEND_URL", "")  # headless preview target
# Seconds a headless preview token stays valid; expired drafts are deleted.
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))  # seconds
API_STALE_WHILE_REVALIDATE = int(os.environ.get("API_STALE_WHILE_REVALIDATE", "300"))
HTTPS_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # production only
# Proxies (load balancer, CDN) in front of the app: how many X-Forwarded-For hops to
# trust when throttling signing per client. 0: the peer address is the client, and a
# forged X-Forwarded-For header cannot dodge the limit.
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))
# Outgoing mail (translators' notifications, signers' confirmations). Without
# EMAIL_HOST, development prints mails to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")  # SMTP server; empty: console backend
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS (port 465)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "NGO CMS <noreply@localhost>")
# Machine translation in the translation editor (optional). LibreTranslate wins when
# both are set: it can be self-hosted, so unpublished text stays with the NGO.
LIBRETRANSLATE_URL = os.environ.get(
    "LIBRETRANSLATE_URL", ""
)  # e.g. http://127.0.0.1:5000
LIBRETRANSLATE_API_KEY = os.environ.get("LIBRETRANSLATE_API_KEY", "")  # if required
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")  # sends text to DeepL's servers
# Double opt-in of signatures: how long the mailed confirmation link works (hours),
# and after how many days `purge_signatures` deletes signatures nobody confirmed.
SIGNING_CONFIRM_MAX_AGE = int(os.environ.get("SIGNING_CONFIRM_HOURS", "72")) * 3600
SIGNING_PENDING_DAYS = int(os.environ.get("SIGNING_PENDING_DAYS", "7"))
# A headless front end's confirmation page, e.g. https://example.org/{locale}/confirm/
# ?token={token} ({locale}, {slug}, {token}); empty: the site's own page.
SIGNING_CONFIRM_URL = os.environ.get("SIGNING_CONFIRM_URL", "")
# Admin login throttling (django-axes): failed attempts before a lockout, per user
# name and per client address, and how long the lockout lasts (hours).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_HOURS = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# HTTP Strict Transport Security (production only): seconds, and whether it covers
# subdomains and asks for the browsers' preload list.
HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Extra sources the Content-Security-Policy allows for images and frames (e.g. the
# hosts of embedded videos), comma-separated.
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")
CSP_EXTRA_FRAME_SRC = env_list(
    "CSP_EXTRA_FRAME_SRC", "https://www.youtube-nocookie.com,https://player.vimeo.com"
)
# Media in S3-compatible object storage (django-storages) when MEDIA_S3_BUCKET is
# set, so that every app server sees every upload; empty: the local MEDIA_ROOT.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
MEDIA_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL", "")  # empty: AWS
MEDIA_S3_REGION = os.environ.get("MEDIA_S3_REGION", "")  # e.g. eu-west-1
# Keys; empty: boto3's own chain (instance role, ~/.aws, AWS_* variables).
MEDIA_S3_ACCESS_KEY_ID = os.environ.get("MEDIA_S3_ACCESS_KEY_ID", "")
MEDIA_S3_SECRET_ACCESS_KEY = os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", "")
# Public (CDN) address of the bucket's root, for renditions (images/…), e.g.
# https://media.example.org; empty: renditions get signed URLs that expire.
MEDIA_PUBLIC_URL = os.environ.get("MEDIA_PUBLIC_URL", "")
MEDIA_S3_URL_EXPIRE = int(os.environ.get("MEDIA_S3_URL_EXPIRE", "3600"))  # seconds
# Background tasks: "db" (the database queue, `manage.py db_worker`) or "rq" (Redis at
# REDIS_URL, `manage.py rqworker`); and how often RQ retries a failed task.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "db")
TASKS_RETRIES = int(os.environ.get("TASKS_RETRIES", "3"))
# -----------------------------------------------------------------------------------

# The embedded default keeps its files in var/, which a fresh clone does not have.
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    # Project apps first, so their templates and translations win.
    "ngo_cms",
    "casepages",
    "actions",
    # The example site itself: demo content and `load_demo`; not part of the apps'
    # wheel, and a host project does not install it.
    "example_site",
    # Publish webhooks to static and edge-rendered front ends (docs/webhooks.md).
    "ngo_cms.webhooks",
    # wagtail-localize replaces wagtail.locales (it adds locale synchronisation).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # Admin login throttling and the admin's second factor (TOTP).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Content-Security-Policy header.
    "csp",
    # Background work (mail, webhooks): django-tasks with its database backend, so
    # the embedded setup needs no broker. `manage.py db_worker` runs the tasks.
    "django_tasks",
    "django_tasks_db",
    # Country names in every language for case pages (casepages).
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware minus /api/: the API picks its language from its own URL and
    # its 404s must stay JSON (see ngo_cms/api/middleware.py).
    "ngo_cms.api.middleware.ApiAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Superusers and campaigners confirm each admin session with a one-time code.
    "django_otp.middleware.OTPMiddleware",
    "ngo_cms.accounts.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ngo_cms.csp.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "throttle" holds the signing throttle's counters (actions.throttle): its own alias,
# so that flooding the response cache cannot evict them, and shared by every worker
# through Redis. Signing answers 503 when it is unreachable rather than run unthrottled.
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down: readers are still served, from the database (ngo_cms/cache.py).
            "BACKEND": "ngo_cms.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ngo_cms",
            # Fail fast rather than hold a worker when Redis does not answer.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "throttle": {
            # The plain backend: signing must fail (503) when Redis is down, not
            # run unthrottled as the fail-safe default cache would.
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ngo_cms_throttle",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ngo_cms",
        },
        "throttle": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ngo_cms_throttle",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }

# --- Mail and background tasks --------------------------------------------------------
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Tasks are stored in the database and run by `manage.py db_worker` (./dev serve
# starts one beside the web server); nothing extra to install or run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Several servers: TASKS_BACKEND=rq puts the same tasks on Redis (django-tasks-rq);
# `manage.py rqworker --job-class django_tasks_rq.Job` runs them, on any machine. A
# failed task is retried TASKS_RETRIES times (ngo_cms.task_queue), then kept in RQ's
# failed registry (`manage.py rqstats`, and the task's result) for a week.
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": REDIS_URL,
            "DEFAULT_TIMEOUT": 300,
            "QUEUE_CLASS": "ngo_cms.task_queue.RetryingQueue",
        }
    }
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

# --- Content-Security-Policy (django-csp; the admin's additions in ngo_cms/csp.py) ----
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_IMG_SRC],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_EXTRA_FRAME_SRC],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}

# --- Accounts ------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses any login attempt of a locked-out user name or address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_COOLOFF_TIME = AXES_COOLOFF_HOURS
# Lock a user name (whatever the address: attackers rotate them) and an address
# (whatever the user name). Unlock early with `manage.py axes_reset_username NAME`.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ngo_cms/lockout.html"
AXES_CLIENT_IP_CALLABLE = "ngo_cms.accounts.client_ip"
# Never log the user names tried (they may be e-mail addresses).
AXES_VERBOSE = False
# Second factor (django-otp, TOTP): ngo_cms.accounts decides for whom.
SECOND_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = "NGO CMS"
SECOND_FACTOR_GROUPS = ["Campaigners"]
SECOND_FACTOR_PERMISSIONS = ["actions.view_signature_report"]
# The admin makes no request to third parties: no Gravatar (it would send a hash
# of each user's e-mail address), no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("nl", _("Dutch")),
    ("fr", _("French")),
]
# Editors pick their admin language in their account settings; names in their own
# language so that nobody has to read English to find theirs.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("fr", "Français"),
]
# The Dutch and French catalogues of all three apps are one set of .po files in
# ngo_cms/locale/, which Django finds as the core app's locale folder (no
# LOCALE_PATHS: a host project installing the apps gets them the same way).

# --- Static and media --------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}
# Object storage (MEDIA_S3_BUCKET): originals and documents in a private bucket
# (signed, expiring URLs; documents still go through Wagtail's view below), and
# renditions, which the API hands out, at MEDIA_PUBLIC_URL (a CDN, or the bucket's
# public images/ folder) or, without it, signed too. See docs/scaling.md.
if MEDIA_S3_BUCKET:
    _s3 = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
        "region_name": MEDIA_S3_REGION or None,
        "access_key": MEDIA_S3_ACCESS_KEY_ID or None,
        "secret_key": MEDIA_S3_SECRET_ACCESS_KEY or None,
        "default_acl": None,  # the bucket's policy decides; never public-read
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": MEDIA_S3_URL_EXPIRE,
        "signature_version": "s3v4",  # what AWS's newer regions and most others need
    }
    _renditions = dict(_s3)
    if MEDIA_PUBLIC_URL:
        _public = urlsplit(MEDIA_PUBLIC_URL)
        _renditions["url_protocol"] = f"{_public.scheme}:"
        _renditions["custom_domain"] = _public.netloc + _public.path.rstrip("/")
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": _renditions,
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# --- Wagtail -----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "NGO CMS"
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "webp"}
# Documents are always served by Wagtail's view, which checks the privacy of their
# collection; never link straight to the file under /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_URL or "{SITE_ROOT_URL}"},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_config(
    LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY, DEEPL_API_KEY
)
# Autosave off. Wagtail 8 autosaves the edit form every 500 ms by default; an
# autosave request that crosses a Publish makes the publish fail as "out of date"
# or leaves the page a draft while the admin said "published" (and, on SQLite,
# answers "database is locked"). Editors save with "Save draft" (Ctrl+S) and the
# admin still warns before leaving a page with unsaved changes. See docs/editors.md.
WAGTAIL_AUTOSAVE_INTERVAL = 0

# --- API ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "ngo_cms.api.errors.exception_handler",
    # JSON whatever Accept says (ngo_cms/api/negotiation.py).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": (
        "ngo_cms.api.negotiation.FirstRendererNegotiation"
    ),
    # Trusted proxies in front of the app, for telling signers apart (actions.throttle).
    "NUM_PROXIES": NUM_PROXIES,
    # No ?format= override: every endpoint has one format (the schema picks YAML or
    # JSON itself, see ngo_cms.api.views.SchemaView), and a parameter that is not
    # honoured must not be documented.
    "URL_FORMAT_OVERRIDE": None,
}
# Signing and confirming (API, HTML form and confirmation page alike) are limited per
# client (IP address), per campaign and per address, in the "throttle" cache. Over
# the client or campaign limit: 429. Over the address limit: the usual answer, but
# nothing is stored or mailed (a 429 would tell that someone else tried the address).
SIGNING_RATES = {
    "client": "10/minute",
    "campaign": "20000/hour",
    "address": "3/hour",
    "confirm": "30/minute",
}
SPECTACULAR_SETTINGS = {
    # The exact schema's settings live with the API (SchemaView uses them too).
    **schema_settings(),
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# ?fallback=1: the languages to try, in order, when a page is missing in one. A
# language not named here falls back to the default language (LANGUAGE_CODE).
API_LOCALE_FALLBACKS = {"nl": ["en"], "fr": ["en"]}
CORS_URLS_REGEX = r"^/api/.*$"

# Requests larger than this are refused before they reach a view (signing forms
# are tiny; the admin's image uploads go through FILE_UPLOAD_* instead).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
