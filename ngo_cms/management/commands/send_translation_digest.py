"""Mail each translator their translations due soon (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ngo_cms.translation_notifications import send_digest


class Command(BaseCommand):
    help = (
        "Mail each assignee the translations due within --days days or overdue "
        "(run once a day, e.g. from cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digest(days=options["days"])
        self.stdout.write(f"{sent} digest mail(s) queued.")
