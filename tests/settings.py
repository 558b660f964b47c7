"""Settings for the test suite: Marsad's own, with static files read from their sources (no
collectstatic run) and a fast password hasher."""

from marsad.settings import *  # noqa: F403
from marsad.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Jobs run at once, in the test's own process and transaction (Huey's immediate mode, in memory):
# a test sees a job's effect as soon as the code that enqueued it returns.
HUEY = {"huey_class": "huey.MemoryHuey", "name": "marsad-tests", "immediate": True}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Each test process its own cache, emptied before every test (tests/conftest.py): a page cached
# for one test's database must not answer another's.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
