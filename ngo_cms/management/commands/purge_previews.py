"""``manage.py purge_previews``: delete the stored drafts of expired preview tokens.

Previewing already removes them; run this from cron as well, so that a draft never
outlives its token by more than a day even when nobody previews.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ngo_cms.api.preview import remove_expired_previews


class Command(BaseCommand):
    help = "Delete the stored drafts of expired headless preview tokens."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = remove_expired_previews()
        self.stdout.write(f"{removed} expired preview(s) removed.")
