"""Settings shared by every environment.

Every environment variable the project reads is declared in the block below, with
its type and its default. The defaults give the embedded setup: a SQLite file and a
media folder under ``var/``, and a local-memory cache, so nothing needs to run
besides Python. README.md ("Configuration") and ``.env.example`` list them all.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
# -----------------------------------------------------------------------------------

# The embedded default keeps its files in var/, which a fresh clone does not have.
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    # Project apps first, so their templates and translations win.
    "ngo_cms",
    "casepages",
    "actions",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "ngo_cms.urls"
WSGI_APPLICATION = "ngo_cms.wsgi.application"

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

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ngo_cms",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ngo_cms",
        }
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
# The project's own catalogues (nl, fr) live in one top-level folder, so that
# translators work on one set of .po files rather than one per app.
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media --------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}

# --- Wagtail -----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "NGO CMS"
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_URL or "{SITE_ROOT_URL}"},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

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
    # Signing a petition is throttled per client (IP address); the rest is cached.
    "DEFAULT_THROTTLE_RATES": {"signing": "10/minute"},
    "NUM_PROXIES": NUM_PROXIES,
    # No ?format= override: every endpoint has one format (the schema picks YAML or
    # JSON itself, see ngo_cms.api.views.SchemaView), and a parameter that is not
    # honoured must not be documented.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "NGO CMS content API",
    "DESCRIPTION": "Prisoner cases, urgent actions and rallies in English, Dutch and French.",
    "VERSION": "1.0.0",
    # OpenAPI 3.1: a nullable component is `oneOf: [{$ref}, {type: "null"}]`, which
    # every tool reads alike (3.0 has no exact way to say it).
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Only our API: Wagtail's admin API views would otherwise produce warnings.
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "PREPROCESSING_HOOKS": ["ngo_cms.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ngo_cms.api.schema.exact_schema",
    ],
    # One enum component per vocabulary: a typed client must accept every value.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "casepages.choices.CaseStatus",
        "ActionStatusEnum": "actions.choices.ActionStatus",
        "RallyStatusEnum": "actions.choices.RallyStatus",
        "SigningStateEnum": "actions.api.serializers.SIGNING_STATES",
        "TranslationStatusEnum": "ngo_cms.api.serializers.TRANSLATION_STATUSES",
        "LocaleCodeEnum": "ngo_cms.api.context.content_languages",
        "RedirectTypeEnum": "ngo_cms.api.serializers.REDIRECT_TYPES",
    },
    "COMPONENT_SPLIT_REQUEST": True,
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
