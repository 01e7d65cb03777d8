"""A front-end cache backend for tests: it records the URLs it is asked to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    """Keeps every purged URL in the class attribute ``purged`` (tests clear it)."""

    purged: list[str] = []

    def purge(self, url: str) -> None:
        RecordingBackend.purged.append(url)
