"""Give the translators' and reviewers' groups their permissions (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ngo_cms.translation_roles import setup_translation_roles


class Command(BaseCommand):
    help = (
        "Give each language's translators and reviewers their page, snippet and "
        "review-workflow permissions. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for line in setup_translation_roles():
            self.stdout.write(line)
