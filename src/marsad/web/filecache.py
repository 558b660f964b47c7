"""The project's cache (settings.CACHES): Django's files under the var directory, shared by every
worker process of one server, made cheaper to write.

A first reader after a write stores a dozen entries (the page, its figures, the generations):
Django's file cache compressed each at zlib's default level and listed the whole directory
(up to MAX_ENTRIES files) before each, to cull it. Here entries are compressed at the fastest
level (a kept page is mostly HTML that gzip compresses once more for the reader anyway; reading
costs the same at any level), and the directory is culled on one write in `CULL_EVERY`, so it
may hold up to that many entries more than MAX_ENTRIES for a moment.
"""

from __future__ import annotations

import itertools
import pickle
import zlib
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 64


class FileCache(FileBasedCache):
    _writes = itertools.count()

    def _write_content(self, file: Any, timeout: Any, value: Any) -> None:
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), 1))

    def _cull(self) -> None:
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
