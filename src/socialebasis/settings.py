"""Settings. Every value comes from an environment variable; see README "Configuratie".

One short module on purpose: a municipality deploys with environment variables, not by editing
files. `SB_ENVIRONMENT` is `development` (default, laptop and demo), `test` or `production`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DEFAULT_SECRET = "onveilig-alleen-voor-ontwikkeling"  # refused in production


def env(name: str, default: str = "") -> str:
    return os.environ.get(name) or default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "ja", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "nee", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: gebruik 1/0, true/false of ja/nee.")


ENVIRONMENT = env("SB_ENVIRONMENT", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"SB_ENVIRONMENT={ENVIRONMENT!r} is onbekend: kies development, test of production."
    )
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("SB_DEBUG", False)
SECRET_KEY = env("SB_SECRET_KEY", "" if PRODUCTION else DEFAULT_SECRET)
ALLOWED_HOSTS = [h.strip() for h in env("SB_ALLOWED_HOSTS", "").split(",") if h.strip()]
if PRODUCTION:
    if not SECRET_KEY or SECRET_KEY == DEFAULT_SECRET or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SB_SECRET_KEY ontbreekt of is te kort (minstens 50 tekens) in productie. "
            "Maak er een met: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "SB_ALLOWED_HOSTS is leeg in productie: geef de domeinnaam, bijvoorbeeld "
            "SB_ALLOWED_HOSTS=socialebasis.gemeente.nl"
        )
elif not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

# Pseudonyms of data subjects in the audit log (HMAC key). Separate from SECRET_KEY so that
# rotating the session key does not break the link between a person and their history.
PSEUDONYM_KEY = env("SB_PSEUDONYM_KEY", SECRET_KEY)

# Retention of the audit log, in months (set it from your register of processing activities).
LOGBOEK_BEWAARTERMIJN_MAANDEN = int(env("SB_LOGBOEK_BEWAARTERMIJN_MAANDEN", "24"))

# Koppelen (volunteer matching): VOG validity, evaluation and check-in rhythm, maximum distance.
KOPPELEN_VOG_GELDIG_JAREN = int(env("SB_KOPPELEN_VOG_GELDIG_JAREN", "3"))
KOPPELEN_EVALUATIE_WEKEN = int(env("SB_KOPPELEN_EVALUATIE_WEKEN", "6"))
KOPPELEN_CONTACT_WEKEN = int(env("SB_KOPPELEN_CONTACT_WEKEN", "8"))
KOPPELEN_MAX_AFSTAND_M = int(env("SB_KOPPELEN_MAX_AFSTAND_M", "5000"))

# Two-factor (TOTP) for staff roles: always in production unless explicitly relaxed.
REQUIRE_2FA = env_bool("SB_REQUIRE_2FA", PRODUCTION)

DATA_DIR = Path(env("SB_DATA_DIR", str(PROJECT_DIR / "var")))
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'socialebasis.sqlite3'}"),
        conn_max_age=int(env("SB_DB_CONN_MAX_AGE", "60" if PRODUCTION else "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "socialebasis.core",
    "socialebasis.accounts",
    "socialebasis.audit",
    "socialebasis.gebieden",
    "socialebasis.personen",
    "socialebasis.kaart",
    "socialebasis.koppelen",
    "socialebasis.netwerk",
    "socialebasis.toeleiding",
    "socialebasis.web",
    "socialebasis.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "socialebasis.core.middleware.ApiHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "socialebasis.core.middleware.NederlandsEerstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "socialebasis.accounts.middleware.TweeStapsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "socialebasis.urls"
WSGI_APPLICATION = "socialebasis.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "socialebasis.core.context_processors.platform",
            ]
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "web:home"

# Login throttling (django-axes): lock a username+IP after failures, for a cool-off period.
AXES_FAILURE_LIMIT = int(env("SB_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("SB_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the login form field that holds the e-mail address
AXES_VERBOSE = False
AXES_ENABLED = env_bool("SB_LOGIN_THROTTLING", True)

if ENVIRONMENT == "test":
    # Fast hashing in the test suite only; production keeps Django's PBKDF2 default.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("SB_STATIC_ROOT", str(PROJECT_DIR / "var" / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
NODE_MODULES = Path(env("SB_NODE_MODULES", str(PROJECT_DIR / "frontend" / "node_modules")))
STATICFILES_DIRS = [("vendor", NODE_MODULES)] if NODE_MODULES.exists() else []
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

MAILERS = {
    "default": {
        "BACKEND": env(
            "SB_EMAIL_BACKEND",
            "django.core.mail.backends.smtp.EmailBackend"
            if PRODUCTION
            else "django.core.mail.backends.console.EmailBackend",
        ),
        "OPTIONS": {
            k: v
            for k, v in {
                "host": env("SB_EMAIL_HOST"),
                "port": int(env("SB_EMAIL_PORT", "0")) or None,
                "username": env("SB_EMAIL_USER"),
                "password": env("SB_EMAIL_PASSWORD"),
                "use_tls": env_bool("SB_EMAIL_TLS", False) or None,
            }.items()
            if v
        },
    }
}
DEFAULT_FROM_EMAIL = env("SB_FROM_EMAIL", "noreply@socialebasis.localhost")

# Security headers (Dutch API Design Rules and the NCSC web guidelines).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(env("SB_SESSION_SECONDS", str(8 * 3600)))
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SB_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SB_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SB_HSTS_PRELOAD", True)
CSRF_TRUSTED_ORIGINS = [o for o in env("SB_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous request then gets 401 with WWW-Authenticate, not 403.
        "socialebasis.core.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["djangorestframework_camel_case.render.CamelCaseJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["djangorestframework_camel_case.parser.CamelCaseJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "socialebasis.core.api.Paginering",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "socialebasis.core.api.problem_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sociale Basis API",
    "DESCRIPTION": "REST API van Sociale Basis, volgens de Nederlandse API Design Rules.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "DoelEnum": "socialebasis.personen.models.Doel",
        "VrijwilligerStatusEnum": "socialebasis.koppelen.models.VrijwilligerStatus",
    },
    "OAS_VERSION": "3.0.3",
    "CONTACT": {"name": "Sociale Basis"},
    "LICENSE": {"name": "EUPL-1.2"},
}

# Background work (Django tasks). Production: the database backend plus a worker process
# (`python -m socialebasis db_worker`). Laptop, demo and tests: run tasks right away, in-process.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env("SB_TASKS", "database" if PRODUCTION else "direct") == "database"
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("SB_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
