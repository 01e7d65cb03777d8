"""Entries of Wagtail's audit log for what matters to signers' safety.

Every export of signatures is logged (who, when, which campaign, which format),
so that the NGO can see who took a copy of its signers' data. The entries show in
the admin's "Logs" report and in the page's history.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

EXPORT_SIGNATURES = "ngo_cms.export_signatures"


def log_export(request: HttpRequest, action: Page, format: str) -> None:
    """Record that ``request.user`` exported the signatures of ``action``."""
    log(
        instance=action,
        action=EXPORT_SIGNATURES,
        user=request.user,
        data={"format": format},
    )


class ExportFormatter(LogFormatter):
    label = _("Export signatures")

    def format_message(self, log_entry: Any) -> str:
        fmt = str((log_entry.data or {}).get("format", "")).upper()
        return _("Exported the signatures (%(format)s)") % {"format": fmt}


def register_log_actions(actions: Any) -> None:
    """Called by the ``register_log_actions`` hook (``ngo_cms.wagtail_hooks``)."""
    actions.register_action(EXPORT_SIGNATURES)(ExportFormatter)
