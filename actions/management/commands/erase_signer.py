"""``manage.py erase_signer --email ADDRESS``: erase one person's signatures.

For requests under the GDPR's right to erasure: deletes every signature given with
the address (trimmed and case-insensitive) on every action, and prints how many.
The address is not repeated in the output: it would outlive the erasure in
whatever log keeps the command's output.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Lower, Trim

from actions.models import Signature
from actions.models.petitions import normalise_email


class Command(BaseCommand):
    help = "Erase every signature given with one email address, on all actions."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--email", required=True, help="the signer's address")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="only count the signatures that would be erased",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"]
        if "@" not in normalise_email(email):
            raise CommandError(
                "Give a full email address, e.g. --email name@example.org"
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
