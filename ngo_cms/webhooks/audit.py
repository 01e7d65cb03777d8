"""Entries of Wagtail's audit log for webhooks (shown in each webhook's history
and in the admin's "Logs" report)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

DISABLED = "ngo_cms_webhooks.disabled"
RESENT = "ngo_cms_webhooks.resent"


class DisabledFormatter(LogFormatter):
    label = _("Disable webhook after failures")

    def format_message(self, log_entry: Any) -> str:
        failures = (log_entry.data or {}).get("failures", 0)
        return _("Disabled after %(failures)s failed attempts in a row") % {
            "failures": failures
        }


class ResentFormatter(LogFormatter):
    label = _("Send a webhook delivery again")

    def format_message(self, log_entry: Any) -> str:
        event = (log_entry.data or {}).get("event", "")
        return _("Sent the %(event)s event again") % {"event": event}


def register_log_actions(actions: Any) -> None:
    actions.register_action(DISABLED)(DisabledFormatter)
    actions.register_action(RESENT)(ResentFormatter)
