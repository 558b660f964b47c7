"""Django settings for Marsad, read from the environment.

MARSAD_HOME          the checkout (holds node_modules/ and var/); defaults to this checkout
MARSAD_VAR_DIR       where the SQLite database, the secret key and collected static files live
DATABASE_URL         any database URL; default sqlite:///<var>/marsad.sqlite3
MARSAD_DEBUG=1       debug pages (never in production)
MARSAD_ALLOWED_HOSTS comma-separated host names (default: localhost names)
MARSAD_SECRET_KEY    overrides the key generated on first run under <var>/secret_key
MARSAD_AUDIT_KEY     overrides the audit chain's HMAC key, generated on first use under
                     <var>/audit_key (keep a copy apart from the database's backups)
MARSAD_AUDIT_SIGNING_KEY  the file of the private key that signs audit checkpoints; default
                     <var>/audit_signing_key, generated on first use
MARSAD_LOGIN_FAILURES, MARSAD_LOCKOUT_MINUTES, MARSAD_TOKEN_DAYS  login lockout, token lifetime
MARSAD_REDIS_URL     background jobs in Redis (several workers on several hosts); default: a
                     SQLite file <var>/jobs.sqlite3 that needs no server
MARSAD_JOB_WORKERS   threads of `marsad worker` (default 2)
MARSAD_SITREP_HOUR   the hour (UTC, 0-23) the daily situation report is issued (default 6)
MARSAD_SITREP_AUDIENCES  the audiences it is issued for, ';'-separated (default force;public)
MARSAD_EMAIL_HOST, MARSAD_EMAIL_PORT, MARSAD_EMAIL_USER, MARSAD_EMAIL_PASSWORD,
MARSAD_EMAIL_TLS=1, MARSAD_EMAIL_FROM  the SMTP server that sends notifications by e-mail
MARSAD_UPLOAD_MAX_MB the largest file an import from the pages accepts (default 512)
MARSAD_BASE_URL      the address readers reach Marsad at, for links in e-mails, feeds, webhooks
MARSAD_EXERCISE      the name of an exercise: this process works on that exercise's database
                     (and job queue, mail, checkpoints), never on the live record
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from marsad import paths
from marsad.dbconfig import database_from_url
from marsad.exercises import naming as exercise_naming
from marsad.secret import load_or_create_secret_key


def _positive_int(name: str, default: int, maximum: int) -> int:
    """A whole number from 1 to `maximum` from the environment: a wrong value stops Marsad at
    start rather than silently turning a security limit off."""
    raw = os.environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number from 1 to {maximum}, not {raw!r}"
        )
    return int(raw)


PACKAGE_DIR = Path(__file__).resolve().parent
HOME = paths.home()
VAR_DIR = paths.var_dir()
VAR_DIR.mkdir(parents=True, exist_ok=True)
# The built dictionaries of extraction (marsad.extraction.gazetteer.use_prebuilt).
EXTRACTION_DIR = paths.extraction_dir()

SECRET_KEY = os.environ.get("MARSAD_SECRET_KEY") or load_or_create_secret_key(
    VAR_DIR / "secret_key"
)
# The audit log's keys live beside the secret key, never in the database: whoever can write to
# the database cannot recompute the chain or sign a checkpoint (marsad.core.audit_keys).
AUDIT_KEY = os.environ.get("MARSAD_AUDIT_KEY", "")
AUDIT_KEY_FILE = VAR_DIR / "audit_key"
AUDIT_SIGNING_KEY_FILE = Path(
    os.environ.get("MARSAD_AUDIT_SIGNING_KEY") or VAR_DIR / "audit_signing_key"
)
AUDIT_CHECKPOINTS_FILE = VAR_DIR / "audit-checkpoints.jsonl"
DEBUG = os.environ.get("MARSAD_DEBUG") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MARSAD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("MARSAD_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "ninja",
    "axes",
    "csp",
    "marsad.core",
    "marsad.web",
    "marsad.coalition",
    "marsad.governance",
    "marsad.mandate",
    "marsad.ceasefire",
    "marsad.access",
    "marsad.statements",
    "marsad.plan",
    "marsad.programs",
    "marsad.intake",
    "marsad.reports",
    "marsad.notify",
    "marsad.imports",
    "marsad.exercises",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "marsad.web.headers.ContentSecurityPolicy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (static files are WhiteNoise's, compressed ahead of time).
    "django.middleware.gzip.GZipMiddleware",
    # After WhiteNoise (static files stay cacheable), before every middleware that may answer.
    "marsad.web.headers.PrivateAnswers",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "marsad.web.middleware.RefuseUnstorable",
    # A file answered to a page's link says so in a cookie (web/downloads.py, downloads.js).
    "marsad.web.downloads.DownloadArrived",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Whole pages for anonymous readers, once the reader and their messages are known.
    "marsad.web.pagecache.PageCache",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]


ROOT_URLCONF = "marsad.urls"
WSGI_APPLICATION = "marsad.wsgi.application"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "marsad.web.context.navigation",
                "marsad.exercises.context.exercise",
                # Last: while a page is rendered for the cache, the user and token are holes.
                "marsad.web.pagecache.holes",
            ],
        },
    },
]

LIVE_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'marsad.sqlite3'}"
# An exercise swaps the whole database, not a schema or a router: every page, job and command
# of this process then reads and writes the exercise's copy only (marsad.exercises.naming).
EXERCISE = os.environ.get(exercise_naming.ENV, "").strip()
EXERCISE_FILES = (
    exercise_naming.settings_for(LIVE_DATABASE_URL, VAR_DIR, EXERCISE) if EXERCISE else {}
)
DATABASES = {
    "default": database_from_url(str(EXERCISE_FILES["url"]) if EXERCISE else LIVE_DATABASE_URL)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password guessing (django-axes): after LOGIN_FAILURES wrong passwords for one user name from
# one address, that pair is refused, even with the right password, until LOCKOUT_MINUTES pass
# without a further try (each try restarts the wait) or `marsad unlock` clears it. The pair,
# not the user name alone, so that a stranger cannot lock an analyst out from elsewhere; the
# login page and the admin's both authenticate through these backends.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURES = _positive_int("MARSAD_LOGIN_FAILURES", 5, maximum=100)
LOCKOUT_MINUTES = _positive_int("MARSAD_LOCKOUT_MINUTES", 15, maximum=7 * 24 * 60)
AXES_FAILURE_LIMIT = LOGIN_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "marsad.web.views.locked_out"
# Unlocking is `marsad unlock`, which is audited; axes' admin pages would be a second, silent way.
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# API tokens expire; `marsad token create --days N` may choose another lifetime, up to a year.
TOKEN_MAX_DAYS = 365
TOKEN_DAYS = _positive_int("MARSAD_TOKEN_DAYS", 90, maximum=TOKEN_MAX_DAYS)

# Arabic is the default language; English is at /en/.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
# Each app carries its own catalogue in <app>/locale/.
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = HOME / "node_modules"
# Front-end libraries come from npm (package.json) and are served from local files: only the
# files listed in marsad.web.finders.VENDOR_FILES.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "marsad.web.finders.VendorFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if os.environ.get("MARSAD_HTTPS") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Browsers that once reached Marsad over TLS never fall back to plain HTTP for a year.
    # Subdomains may be other services of the host's owner: included only when asked.
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("MARSAD_HSTS_SUBDOMAINS") == "1"
    # The proxy says which requests came over TLS (X-Forwarded-Proto); a page asked over plain
    # HTTP is sent to the same address over HTTPS. API clients are not redirected: a client
    # that sends its token in clear must fail visibly, not be fixed silently (ASVS 4.1.2).
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^api/"]

# Pages run only Marsad's own files: no inline script or style, no eval, nothing from another
# origin (the front-end libraries are served locally). data: images are Bootstrap's icons
# (drawn as SVG data in its CSS). No page uses <base>, so base-uri is 'none' (ASVS 3.4.3).
# The admin alone is relaxed, for styles (marsad.web.headers).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MARSAD_LOG_LEVEL", "WARNING")},
}

# Background jobs (Huey): one job system for the whole project. Its queue lives in a SQLite file
# beside the database (no server to run) unless MARSAD_REDIS_URL names a Redis, which lets
# workers on several hosts share one queue. `marsad worker` runs the jobs; `marsad run` starts
# one beside the web server. See docs/decisions.md.
REDIS_URL = os.environ.get("MARSAD_REDIS_URL", "").strip()
JOB_WORKERS = _positive_int("MARSAD_JOB_WORKERS", 2, maximum=64)
HUEY: dict[str, object] = {
    "name": "marsad",
    "immediate": False,
    "consumer": {"workers": JOB_WORKERS, "worker_type": "thread", "periodic": True},
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": REDIS_URL})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "jobs.sqlite3")})


def _hour(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or not 0 <= int(raw) <= 23:
        raise ImproperlyConfigured(f"{name} must be an hour from 0 to 23, not {raw!r}")
    return int(raw)


SITREP_HOUR = _hour("MARSAD_SITREP_HOUR", 6)
SITREP_AUDIENCES = [
    a.strip()
    for a in os.environ.get("MARSAD_SITREP_AUDIENCES", "force;public").split(";")
    if a.strip()
]
# Files imported from the pages are kept on disk (var/imports/), never in memory.
UPLOAD_MAX_BYTES = _positive_int("MARSAD_UPLOAD_MAX_MB", 512, maximum=100_000) * 1024 * 1024
BASE_URL = os.environ.get("MARSAD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail: an SMTP server from the environment; without one, messages are written as files under
# <var>/mail so that nothing is silently dropped (and an administrator can read what would go).
EMAIL_HOST = os.environ.get("MARSAD_EMAIL_HOST", "").strip()
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = _positive_int("MARSAD_EMAIL_PORT", 25, maximum=65535)
    EMAIL_HOST_USER = os.environ.get("MARSAD_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("MARSAD_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("MARSAD_EMAIL_TLS") == "1"
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = os.environ.get("MARSAD_EMAIL_FROM", "marsad@localhost")

# Cached pages and figures (marsad.web.pagecache), readers' summaries (web.reader) and sessions:
# files every worker process of the server shares, so a write seen by one worker is seen by all.
# An exercise has a cache of its own: its pages are never served from the live record's cache,
# nor the other way round.
CACHES = {
    "default": {
        "BACKEND": "marsad.web.filecache.FileCache",
        "LOCATION": str(EXERCISE_FILES["cache"] if EXERCISE else VAR_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# Sessions read from the cache, written to both: a page answered from the cache asks nothing of
# the database. Logging out deletes the session from both.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

if EXERCISE:
    # An exercise's jobs, e-mails and checkpoints never mix with the live ones.
    HUEY["name"] = f"marsad-exercise-{EXERCISE}"
    if not REDIS_URL:
        HUEY["filename"] = str(EXERCISE_FILES["jobs"])
    AUDIT_CHECKPOINTS_FILE = Path(EXERCISE_FILES["checkpoints"])
    if not EMAIL_HOST:
        EMAIL_FILE_PATH = str(EXERCISE_FILES["mail"])
