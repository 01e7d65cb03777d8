"""``manage.py erase_signer``: erase one person's signatures, pending ones included.

For requests under the GDPR's right to erasure. The address is read from standard
input (``echo name@example.org | manage.py erase_signer``, or typed at the prompt),
never from the command line, which other users see in ``ps`` and which shell
history keeps. Deletes every signature given with the address (trimmed and
case-insensitive, as the database normalises it) on every action, confirmed or
pending, and prints how many. The address is not repeated in the output: it would
outlive the erasure in whatever log keeps the command's output.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Lower, Trim

from actions.models import Signature
from actions.models.petitions import normalise_email


class Command(BaseCommand):
    help = (
        "Erase every signature (confirmed or pending) given with one email address, "
        "on all actions. The address is read from standard input."
    )
    # Tests and scripts pass a file object: call_command(..., stdin=StringIO(...)).
    stealth_options = ("stdin",)

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="only count the signatures that would be erased",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stdin = options.get("stdin") or sys.stdin
        if stdin.isatty():
            self.stderr.write("Signer's email address: ", ending="")
            self.stderr.flush()
        email = stdin.readline().strip()
        if "@" not in normalise_email(email):
            raise CommandError(
                "Give a full email address on standard input, e.g. "
                "echo name@example.org | manage.py erase_signer"
            )
        # Normalised by the same database functions as the stored column.
        signatures = Signature.objects.filter(
            email_normalised=Lower(Trim(Value(email, output_field=CharField())))
        )
        if options["dry_run"]:
            count = signatures.count()
            self.stdout.write(f"{count} signature(s) would be erased.")
            return
        with transaction.atomic():
            count, _by_model = signatures.delete()
        self.stdout.write(self.style.SUCCESS(f"Erased {count} signature(s)."))
