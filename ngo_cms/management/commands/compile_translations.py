"""``manage.py compile_translations``: compile every .po catalogue to .mo.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh machine
may not have; polib (already required by wagtail-localize) does the same in Python.
"""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues to .mo files."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"Compiled {count} translation catalogue(s).")
