"""A snapshot of the migrated SQLite test database with the demo loaded.

Building the test database (about 200 migrations of Wagtail, wagtail-localize and the
apps, then ``load_demo``) is most of the time a single test file takes. The first
run on SQLite keeps a copy of the finished database in ``var/test-snapshots/``; the
next runs copy it into the in-memory test database instead of building it again, so
running one test file takes seconds.

The demo's image files are kept beside it and copied into the run's media folder.

The snapshot's name is a hash of everything the database is built from: the source
of the apps and of the example site (models, migrations, demo content, settings) and
the installed versions of the libraries with migrations. Any change gives another
name, so a stale snapshot is never used. ``NGO_CMS_TEST_SNAPSHOT=0`` turns it off;
PostgreSQL runs always build the database.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("ngo_cms", "casepages", "actions", "example_site")
LIBRARIES = (
    "django",
    "wagtail",
    "wagtail-localize",
    "wagtail-headless-preview",
    "django-taggit",
    "django-tasks-db",
    "django-axes",
    "django-otp",
)


def enabled() -> bool:
    return os.environ.get("NGO_CMS_TEST_SNAPSHOT", "1") != "0"


def snapshot_key() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix in {".py", ".po", ".json", ".html"} and path.is_file():
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()[:20]


def snapshot_path() -> Path:
    return ROOT / "var" / "test-snapshots" / f"demo-{snapshot_key()}.sqlite3"


class Snapshot:
    """Restores the test database from a snapshot, or saves one after the build."""

    def __init__(self) -> None:
        self.restored = False
        self.path: Path | None = None

    def install(self) -> None:
        """Make the SQLite test database come from the snapshot when there is one.

        Called before pytest-django creates the test database: it replaces the
        connection's ``create_test_db`` by one that creates the empty in-memory
        database and copies the snapshot into it, with no migration.
        """
        from django.conf import settings
        from django.db import connections

        connection = connections["default"]
        if connection.vendor != "sqlite" or not enabled():
            return
        self.path = snapshot_path()
        if not self.path.exists():
            return
        creation = connection.creation
        snapshot = self.path

        def create_test_db(
            verbosity=1, autoclobber=False, serialize=True, keepdb=False
        ):
            name = creation._create_test_db(verbosity, autoclobber, keepdb)
            connection.close()
            settings.DATABASES[connection.alias]["NAME"] = name
            connection.settings_dict["NAME"] = name
            connection.ensure_connection()
            source = sqlite3.connect(snapshot)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            media = snapshot.with_suffix(".media")
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
            self.restored = True
            return name

        creation.create_test_db = create_test_db

    def save(self) -> None:
        """Keep a copy of the freshly built test database (written atomically)."""
        from django.db import connections

        connection = connections["default"]
        if self.path is None or self.restored:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            connection.ensure_connection()
            connection.connection.backup(target)
        finally:
            target.close()
        # The demo's images: the database names files in the media folder.
        from django.conf import settings

        media = self.path.with_suffix(".media")
        partial_media = self.path.with_suffix(f".{os.getpid()}.partial-media")
        shutil.copytree(settings.MEDIA_ROOT, partial_media)
        shutil.rmtree(media, ignore_errors=True)
        os.replace(partial_media, media)
        os.replace(partial, self.path)
        # Older snapshots are of code that has changed since.
        for old in self.path.parent.glob("demo-*"):
            if old.stem != self.path.stem and ".partial" not in old.name:
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
