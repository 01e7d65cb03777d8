"""``manage.py compile_translations``: compile the project's .po catalogues to .mo.

Django loads only compiled ``.mo`` files. Its ``compilemessages`` needs GNU
gettext's ``msgfmt``, which a fresh machine may not have; polib (already required
by wagtail-localize) does the same in Python. A built wheel already carries the
compiled catalogues (see ``build_catalogues.py``); this command is for a source
checkout.
"""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

import ngo_cms

# The one catalogue of the three apps, shipped inside the core app.
APP_LOCALE_DIR = Path(ngo_cms.__file__).resolve().parent / "locale"


def compile_catalogues(locale_dirs: list[Path], *, force: bool = False) -> int:
    """Compile every ``*/LC_MESSAGES/*.po`` under ``locale_dirs`` next to itself.

    Args:
        locale_dirs: locale folders (``<dir>/<language>/LC_MESSAGES/django.po``).
        force: compile even when the ``.mo`` is newer than its ``.po``.

    Returns:
        How many catalogues were compiled.
    """
    count = 0
    for locale_dir in dict.fromkeys(Path(d).resolve() for d in locale_dirs):
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if (
                not force
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
    return count


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues to .mo files."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Compile even up-to-date catalogues."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = compile_catalogues(
            [APP_LOCALE_DIR, *settings.LOCALE_PATHS], force=options["force"]
        )
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"Compiled {count} translation catalogue(s).")
