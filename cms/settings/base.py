"""Settings shared by every environment.

Everything that differs between machines comes from the environment (or an
optional ``.env`` file at the project root); with nothing set, the project runs
on its embedded defaults: SQLite under ``var/``, media on local disk, a
local-memory cache, the console e-mail backend and Wagtail's database search.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin and must load before django.contrib.admin
    "modeltranslation",
    "cms",
    "home",
    "documents",
    "events",
    "outreach",
    "search",
    "frontend_api",
    "translations",
    "citizens",
    # Before the Wagtail apps: its templates add CSP nonces to theirs; the admin's two-step login.
    "cms.security",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
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
    "django_filters",
    "graphene_django",
    "django_tasks",
    "django_tasks_db",
    "storages",
    "anymail",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cached GraphQL GETs are answered here, before sessions, locales and CSRF.
    "frontend_api.http.middleware.CachedGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every response rendered here, with a nonce for inline scripts.
    "csp.middleware.CSPMiddleware",
    "cms.security.csp.CurrentRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /sr-latn/: the Serbian pages' HTML in Latin script (inside LocaleMiddleware: the language is active).
    "translations.latin_site.SerbianLatinMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step verification (docs/security.md): django-otp marks verified sessions; the admin
    # then asks a user with a device for a code, and a required group's member to set one up.
    "django_otp.middleware.OTPMiddleware",
    "cms.security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The official-language gate's refusals in the admin become messages (translations/gate.py).
    "translations.middleware.OfficialLanguageGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Counts failed logins and locks out an account/address pair after AXES_FAILURE_LIMIT (last, as axes asks).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "cms.auth.ThrottlingBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (docs/security.md): 10 failures for one username from one address lock that
# pair out for 15 minutes; a success resets the count. Other addresses and users are unaffected.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_lockout.html"
AXES_VERBOSE = False

# Two-step verification (TOTP) for the admin: optional for everybody, required for the members of
# these groups (names, comma-separated; production: the head of office). Empty here.
ADMIN_2FA_REQUIRED_GROUPS = env.list("ADMIN_2FA_REQUIRED_GROUPS", default=[])

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{(VAR_DIR / 'db.sqlite3').as_posix()}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the task worker and management commands write side by side:
    # take SQLite's write lock when a transaction starts and wait for it, rather
    # than failing with "database is locked" when a reader tries to upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
# A PostgreSQL read replica (docs/deploy.md): GET requests read from it, everything else uses
# the primary (cms/db_router.py). Unset, there is one database and no router.
_replica_url = env.str("DATABASE_REPLICA_URL", default="")
if _replica_url:
    DATABASES["replica"] = env.db_url_config(_replica_url)
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    # Tests with a replica configured read the primary's test database through it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["cms.db_router.PrimaryReplicaRouter"]
    # Cached GraphQL GETs are answered without SQL before it; every other request passes it.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("frontend_api.http.middleware.CachedGetMiddleware") + 1,
        "cms.db_router.ReplicaMiddleware",
    )
    # Seconds a browser that wrote keeps reading from the primary (longer than the replica's lag).
    DATABASE_REPLICA_PIN_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------

_cache_url = env.str("CACHE_URL", default="") or env.str("REDIS_URL", default="")
if _cache_url.startswith(("redis://", "rediss://", "unix://")):
    # Django's own Redis backend; django-environ would pick django-redis.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="cms"),
        }
    }
elif _cache_url:
    CACHES = {"default": env.cache_url_config(_cache_url)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- E-mail -----------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# A mail provider's API instead of SMTP, e.g. anymail.backends.postmark.EmailBackend (docs/deploy.md).
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default=EMAIL_BACKEND)  # noqa: F821 (set by the line above)
# django-anymail: every ANYMAIL_* variable, without its prefix (ANYMAIL_POSTMARK_SERVER_TOKEN,
# ANYMAIL_WEBHOOK_SECRET, ...). With WEBHOOK_SECRET set ("user:password"), the provider's
# bounce and complaint webhooks are mounted under /anymail/ (outreach/deliverability.py).
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_")
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="zkki@komuna.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds an SMTP connection may block; well below the media-notice lease below.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=60)
# Seconds a worker sending a media notice holds it without reporting progress (it does after
# every e-mail); once past, `send_due_notices` reclaims the notice from the stopped worker.
MEDIA_NOTICE_SENDING_LEASE = env.int("MEDIA_NOTICE_SENDING_LEASE", default=15 * 60)

# --- Background tasks -------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# --- Passwords --------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages --------------------------------------------------------------
# Albanian is the default source language; Serbian is stored in Cyrillic
# (Django's ``sr``); English serves the international community. Locales are
# configuration: adding Turkish or Bosnian means adding a row here.

LANGUAGE_CODE = "sq"
# The languages content is written in (a Wagtail locale and a page tree each)...
CONTENT_LANGUAGES = [
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("en", _("English")),
]
# ...and the languages the site is read in: Serbian also in Latin script, derived from the
# Cyrillic content (/sr-latn/, translations/latin_site.py).
LANGUAGES = [*CONTENT_LANGUAGES[:2], ("sr-latn", _("Serbian (Latin script)")), CONTENT_LANGUAGES[2]]
WAGTAIL_I18N_ENABLED = True
# The admin's languages, each named in itself; Serbian Latin is derived from the Cyrillic catalog.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("sq", "Shqip"),
    ("sr", "Српски (ћирилица)"),
    ("sr-latn", "Srpski (latinica)"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = CONTENT_LANGUAGES
# A new account's admin language (each user changes theirs in Account → Preferences).
ADMIN_DEFAULT_LANGUAGE = env.str("ADMIN_DEFAULT_LANGUAGE", default=LANGUAGE_CODE)
# Slugs are ASCII in every locale, made from the title (translations/slugs.py); the admin's slug field follows.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
USE_I18N = True
# Dates and times per language (24-hour clock except in English): cms/formats/<language>/.
FORMAT_MODULE_PATH = ["cms.formats"]
# The project's strings, then the packages' (Wagtail, wagtail-localize): see translations/catalogs.py.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "sq"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in CONTENT_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("sq", "en")

TIME_ZONE = "Europe/Belgrade"
USE_TZ = True

# --- Static files and media ---------------------------------------------------

STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
# cms/static is found as the cms app's static directory (no STATICFILES_DIRS: it would be found twice).
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
# Document files on local disk live outside MEDIA_ROOT: only the serve view reads them.
DOCUMENTS_ROOT = Path(env.str("DOCUMENTS_ROOT", default=str(VAR_DIR / "documents")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible store. Images get public, non-expiring URLs (a headless
    # frontend and a CDN cache them); documents are always streamed through
    # Wagtail's serve view, which enforces collection privacy.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
            "default_acl": env.str("AWS_DEFAULT_ACL", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
        },
    }

# Where `manage.py backup s3://bucket/prefix` writes (docs/operations.md): these, or the media's.
BACKUP_S3 = {
    "endpoint_url": env.str("BACKUP_S3_ENDPOINT_URL", default="")
    or env.str("AWS_S3_ENDPOINT_URL", default=""),
    "region_name": env.str("BACKUP_S3_REGION_NAME", default="") or env.str("AWS_S3_REGION_NAME", default=""),
    "access_key": env.str("BACKUP_S3_ACCESS_KEY_ID", default="") or env.str("AWS_ACCESS_KEY_ID", default=""),
    "secret_key": env.str("BACKUP_S3_SECRET_ACCESS_KEY", default="")
    or env.str("AWS_SECRET_ACCESS_KEY", default=""),
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2.5 * 1024 * 1024

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Komuna – ZKKI")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the account's name in authenticator apps
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_DOCUMENT_MODEL = "documents.Document"
# Documents always go through Wagtail's view, whatever the storage, so that
# private collections are enforced and every response carries
# Content-Disposition and a "default-src 'none'" Content-Security-Policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "jpg",
    "jpeg",
    "png",
    "zip",
    "csv",
    "txt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENTS_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.DocumentForm"
# Text extraction retries failed attempts with a growing delay (seconds).
DOCUMENTS_EXTRACTION_MAX_ATTEMPTS = env.int("DOCUMENTS_EXTRACTION_MAX_ATTEMPTS", default=4)
DOCUMENTS_EXTRACTION_RETRY_DELAY = env.int("DOCUMENTS_EXTRACTION_RETRY_DELAY", default=30)
# PDF uploads (documents/validation.py, docs/documents.md): files attached inside a
# PDF (a spreadsheet, another PDF) are refused unless allowed here; the pypdf check
# of every object stops at these many objects, bytes decompressed and seconds.
DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES = env.bool("DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES", default=False)
DOCUMENTS_PDF_MAX_OBJECTS = env.int("DOCUMENTS_PDF_MAX_OBJECTS", default=200_000)
DOCUMENTS_PDF_MAX_DECOMPRESSED_SIZE = env.int("DOCUMENTS_PDF_MAX_DECOMPRESSED_SIZE", default=64 * 1024 * 1024)
DOCUMENTS_PDF_CHECK_SECONDS = env.int("DOCUMENTS_PDF_CHECK_SECONDS", default=30)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# The external frontend (previews open there); empty: previews show this site's own pages.
FRONTEND_URL = env.str("FRONTEND_URL", default="")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_URL},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}

# bench/: BENCH=1 mounts the benchmark's reference view (never set it in production).
BENCH = env.bool("BENCH", default=False)

GRAPHENE = {"SCHEMA": "frontend_api.schema.schema"}

# The GraphQL API (defaults and meaning in frontend_api/conf.py).
FRONTEND_API = {
    "INTROSPECTION": env.bool("GRAPHQL_INTROSPECTION", default=None),
    "MAX_DEPTH": env.int("GRAPHQL_MAX_DEPTH", default=15),
    "MAX_ALIASES": env.int("GRAPHQL_MAX_ALIASES", default=30),
    "MAX_FIELDS": env.int("GRAPHQL_MAX_FIELDS", default=500),
    "MAX_TOKENS": env.int("GRAPHQL_MAX_TOKENS", default=5000),
    "MAX_NODES": env.int("GRAPHQL_MAX_NODES", default=2000),
    "RESPONSE_CACHE_TIMEOUT": env.int("GRAPHQL_CACHE_TIMEOUT", default=300),
    "GENERATION_CHECK_INTERVAL": env.float("GRAPHQL_GENERATION_CHECK_INTERVAL", default=1.0),
    "HTTP_MAX_AGE": env.int("GRAPHQL_HTTP_MAX_AGE", default=60),
    "HTTP_S_MAXAGE": env.int("GRAPHQL_HTTP_S_MAXAGE", default=300),
    "PREVIEW_TOKEN_MAX_AGE": env.int("PREVIEW_TOKEN_MAX_AGE", default=3600),
}

# CDN purging (wagtail.contrib.frontend_cache) for pages and /graphql/; none by default.
# FRONTEND_CACHE_BACKEND: cloudflare | cloudfront | http (a Varnish/Squid purge URL).
_frontend_cache = env.str("FRONTEND_CACHE_BACKEND", default="")
WAGTAILFRONTENDCACHE = {}
if _frontend_cache == "cloudflare":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID", default=""),
    }
elif _frontend_cache == "cloudfront":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""),
    }
elif _frontend_cache == "http":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_LOCATION", default=""),
    }

# --- Content-Security-Policy (django-csp; docs/security.md) -----------------------


def _origin(url):
    """scheme://host[:port] of an absolute URL, or None for a path such as "/media/"."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Where images and media files are served from besides this origin: an absolute MEDIA_URL, the
# S3 bucket (its custom domain, its endpoint, or AWS's bucket hosts), and CSP_MEDIA_SOURCES.
SITE_CSP_MEDIA_SOURCES = [_origin(MEDIA_URL)]
if AWS_STORAGE_BUCKET_NAME:
    _s3 = STORAGES["default"]["OPTIONS"]
    if _s3["custom_domain"]:
        SITE_CSP_MEDIA_SOURCES.append(f"https://{_s3['custom_domain']}")
    elif _s3["endpoint_url"]:
        SITE_CSP_MEDIA_SOURCES.append(_origin(_s3["endpoint_url"]))
    else:
        SITE_CSP_MEDIA_SOURCES.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
        if _s3["region_name"]:
            SITE_CSP_MEDIA_SOURCES.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_s3['region_name']}.amazonaws.com"
            )
SITE_CSP_MEDIA_SOURCES = [
    *dict.fromkeys(filter(None, SITE_CSP_MEDIA_SOURCES)),
    *env.list("CSP_MEDIA_SOURCES", default=[]),
]
# Frames: the admin's preview (this origin, which frames the headless frontend) and video embeds.
SITE_CSP_FRAME_SOURCES = env.list(
    "CSP_FRAME_SOURCES",
    default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # sha256 of ""
SITE_CSP_DIRECTIVES = {
    "default-src": [SELF],
    # Only this origin's files and inline scripts with this response's nonce; never 'unsafe-inline'.
    "script-src": [SELF, NONCE],
    # Stylesheets from this origin, <style> with the nonce, and empty <style> elements: the ones
    # styled-components (wagtail-localize's editor) creates and fills through CSSOM, which the
    # policy does not govern. No 'unsafe-inline': neither style attributes nor injected <style>.
    "style-src": [SELF, NONCE, EMPTY_STYLE_HASH],
    "img-src": [SELF, "data:", "blob:", *SITE_CSP_MEDIA_SOURCES],
    "media-src": [SELF, *SITE_CSP_MEDIA_SOURCES],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *filter(None, [_origin(FRONTEND_URL)]), *SITE_CSP_FRAME_SOURCES],
    "worker-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # The admin's preview frames this origin's pages; no other site may frame any of them.
    "frame-ancestors": [SELF],
}
if env.str("CSP_REPORT_URI", default=""):
    SITE_CSP_DIRECTIVES["report-uri"] = env.str("CSP_REPORT_URI")
# CSP_REPORT_ONLY=1 sends the same policy as Content-Security-Policy-Report-Only: the browser
# reports what it would block and blocks nothing (for trying a change to the policy).
SITE_CSP_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", default=False)
if SITE_CSP_REPORT_ONLY:
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": SITE_CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": SITE_CSP_DIRECTIVES}
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# Avatars from Gravatar and the admin's release check are third-party requests the policy refuses
# (and they tell Gravatar and wagtail.org who uses the admin): both off.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Translation workflow (translations/, docs/translations.md) ---------------

# Due dates of translation tasks per content type (model labels); working days skip weekends.
TRANSLATION_DUE_RULES = {
    "home.DecisionPage": {"working_days": 2},
    "home.RegulationPage": {"working_days": 2},
    "home.AnnouncementPage": {"working_days": 2},
    "home.VacancyPage": {"working_days": 2},
    "home.NewsPage": {"days": 1},
    "events.EventPage": {"attribute": "translation_due_at"},
    "events.MeetingPage": {"attribute": "translation_due_at"},
}
TRANSLATION_DUE_DEFAULT = {"working_days": 5}
TRANSLATION_HOLIDAYS = env.list("TRANSLATION_HOLIDAYS", default=[])
# Official acts go live in Albanian only together with their Serbian translation.
OFFICIAL_ACT_PAGE_TYPES = [
    "home.DecisionPage",
    "home.RegulationPage",
    "home.AnnouncementPage",
    "home.VacancyPage",
]
OFFICIAL_LANGUAGE_GATE_LOCALES = ["sr"]
SERBIAN_CYRILLIC_LOCALES = ["sr"]
TRANSLATABLE_SNIPPET_MODELS = []
TRANSLITERATION_KEEP_LATIN = ["Facebook", "Instagram", "Google", "Viber", "LinkedIn", "Telegram"]

# --- Citizens' messages (citizens/, docs/citizens.md) -----------------------------

# Public holidays (ISO dates) the legal clocks' working days skip; by default the translators'.
CITIZENS_HOLIDAYS = [day for day in env.list("CITIZENS_HOLIDAYS", default=[]) if day] or TRANSLATION_HOLIDAYS
# What one message may carry: characters of text, files, bytes per file and in all (each file is also
# checked like a document upload, documents/validation.py).
CITIZENS_MAX_TEXT_LENGTH = env.int("CITIZENS_MAX_TEXT_LENGTH", default=10_000)
CITIZENS_MAX_ATTACHMENTS = env.int("CITIZENS_MAX_ATTACHMENTS", default=5)
CITIZENS_MAX_ATTACHMENT_SIZE = env.int("CITIZENS_MAX_ATTACHMENT_SIZE", default=10 * 1024 * 1024)
CITIZENS_MAX_ATTACHMENTS_TOTAL_SIZE = env.int("CITIZENS_MAX_ATTACHMENTS_TOTAL_SIZE", default=25 * 1024 * 1024)
# Rate limits on the shared cache ("count/period", period s, m, h or d), per client address and
# per e-mail address; status lookups by tracking code per client address.
CITIZENS_RATE_PER_IP = env.str("CITIZENS_RATE_PER_IP", default="10/h")
CITIZENS_RATE_PER_EMAIL = env.str("CITIZENS_RATE_PER_EMAIL", default="5/h")
CITIZENS_RATE_STATUS_PER_IP = env.str("CITIZENS_RATE_STATUS_PER_IP", default="120/h")
# Service requests an Open311 client application may post with its key, unless its own rate says
# otherwise (its "rate limit" in the admin); over it, 429 with Retry-After.
CITIZENS_RATE_PER_OPEN311_CLIENT = env.str("CITIZENS_RATE_PER_OPEN311_CLIENT", default="600/h")
# Proof-of-work on both ways in (citizens/proof.py): on unless turned off (the test settings do).
# The number to find is below MAX_NUMBER (about half of it SHA-256 hashes on average); a challenge
# must be solved and used within EXPIRES seconds.
CITIZENS_PROOF_OF_WORK = env.bool("CITIZENS_PROOF_OF_WORK", default=True)
CITIZENS_PROOF_OF_WORK_MAX_NUMBER = env.int("CITIZENS_PROOF_OF_WORK_MAX_NUMBER", default=100_000)
CITIZENS_PROOF_OF_WORK_EXPIRES = env.int("CITIZENS_PROOF_OF_WORK_EXPIRES", default=20 * 60)
# Closed messages keep their sender's personal data this many days after their last status change,
# then ``manage.py anonymise_citizen_messages`` removes it (citizens/retention.py).
CITIZENS_RETENTION_DAYS = env.int("CITIZENS_RETENTION_DAYS", default=730)
# Addresses or networks of the proxies in front of the app servers: only their X-Forwarded-For is believed.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

_machine_translator = env.str("MACHINE_TRANSLATOR", default="glossary")
MACHINE_TRANSLATORS = {
    "glossary": {"CLASS": "translations.machine.GlossaryTranslator", "OPTIONS": {}},
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.str("MACHINE_TRANSLATOR_API_KEY", default="")},
    },
    "google": {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "CREDENTIALS_PATH": env.str("GOOGLE_APPLICATION_CREDENTIALS", default=""),
            "PROJECT_ID": env.str("GOOGLE_CLOUD_PROJECT", default=""),
        },
    },
    "libretranslate": {
        "CLASS": "translations.machine.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL", default="http://127.0.0.1:5000"),
            "API_KEY": env.str("MACHINE_TRANSLATOR_API_KEY", default=""),
        },
    },
}
if _machine_translator not in (*MACHINE_TRANSLATORS, "none"):
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={_machine_translator!r}: use one of {', '.join(MACHINE_TRANSLATORS)} or none."
    )
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MACHINE_TRANSLATORS.get(_machine_translator)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; the audit log keeps them anyway.
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # One line per task run is noise beside the dev server; failures still show.
        "django_tasks": {"level": env.str("TASKS_LOG_LEVEL", default="WARNING")},
    },
}
