"""``manage.py purge_signatures --older-than 365d``: delete old signatures.

Keeps the data no longer than the privacy notice promises. The age is a number of
days, written ``365`` or ``365d``; ``--dry-run`` only counts.
"""

import datetime
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actions.models import Signature

AGE = re.compile(r"^\s*(\d+)\s*d?\s*$")


def parse_age(value: str) -> datetime.timedelta:
    """``"365d"`` or ``"365"`` as a timedelta of days.

    Raises:
        CommandError: the value is not a positive number of days.
    """
    match = AGE.match(value)
    if not match or int(match.group(1)) < 1:
        raise CommandError(
            f"--older-than takes a number of days, e.g. 365d (got {value!r})."
        )
    return datetime.timedelta(days=int(match.group(1)))


class Command(BaseCommand):
    help = "Delete signatures older than a given number of days, on every action."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--older-than", required=True, help="age in days, e.g. 365d or 730"
        )
        parser.add_argument("--dry-run", action="store_true", help="only count")

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - parse_age(options["older_than"])
        old = Signature.objects.filter(created_at__lt=cutoff)
        if options["dry_run"]:
            self.stdout.write(
                f"{old.count()} signature(s) older than {cutoff:%Y-%m-%d} would be deleted."
            )
            return
        count, _by_model = old.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {count} signature(s) given before {cutoff:%Y-%m-%d %H:%M}."
            )
        )
