"""``manage.py purge_signatures``: delete unconfirmed and, optionally, old signatures.

Run it daily (cron). Every run deletes the pending signatures (never confirmed from
the mailed link) older than ``SIGNING_PENDING_DAYS`` days (``--pending-older-than``
overrides it). With ``--older-than 365d`` it also deletes confirmed signatures
given before then, to keep the data no longer than the privacy notice promises.
Ages are a number of days, written ``365`` or ``365d``; ``--dry-run`` only counts.
"""

import datetime
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actions.models import Signature
from ngo_cms.conf import app_settings

AGE = re.compile(r"^\s*(\d+)\s*d?\s*$")


def parse_age(value: str, option: str = "--older-than") -> datetime.timedelta:
    """``"365d"`` or ``"365"`` as a timedelta of days.

    Raises:
        CommandError: the value is not a positive number of days.
    """
    match = AGE.match(value)
    if not match or int(match.group(1)) < 1:
        raise CommandError(
            f"{option} takes a number of days, e.g. 365d (got {value!r})."
        )
    return datetime.timedelta(days=int(match.group(1)))


class Command(BaseCommand):
    help = (
        "Delete signatures nobody confirmed (after SIGNING_PENDING_DAYS) and, with "
        "--older-than, every signature older than a given number of days."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--older-than", help="also delete signatures older than this, e.g. 365d"
        )
        parser.add_argument(
            "--pending-older-than",
            help="age of unconfirmed signatures to delete "
            "(default: SIGNING_PENDING_DAYS)",
        )
        parser.add_argument("--dry-run", action="store_true", help="only count")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        pending_age = options["pending_older_than"] or str(
            app_settings.SIGNING_PENDING_DAYS
        )
        pending_cutoff = now - parse_age(pending_age, "--pending-older-than")
        pending = Signature.objects.pending().filter(created_at__lt=pending_cutoff)
        old = None
        if options["older_than"]:
            cutoff = now - parse_age(options["older_than"])
            old = Signature.objects.filter(created_at__lt=cutoff)
        if options["dry_run"]:
            self.stdout.write(
                f"{pending.count()} unconfirmed signature(s) given before "
                f"{pending_cutoff:%Y-%m-%d} would be deleted."
            )
            if old is not None:
                self.stdout.write(
                    f"{old.count()} signature(s) older than {cutoff:%Y-%m-%d} "
                    "would be deleted."
                )
            return
        count, _by_model = pending.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {count} unconfirmed signature(s) given before "
                f"{pending_cutoff:%Y-%m-%d %H:%M}."
            )
        )
        if old is not None:
            count, _by_model = old.delete()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Deleted {count} signature(s) given before {cutoff:%Y-%m-%d %H:%M}."
                )
            )
