"""Only superusers see or change webhooks: a target URL and its secret decide where
the CMS sends data, and a delivery log shows what was sent."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Every action for active superusers, none for anyone else (whatever groups
    and model permissions they hold)."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return self.user_has_permission(user, "")

    def users_with_any_permission(self, actions: Any) -> Any:
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action: str) -> Any:
        return self.users_with_any_permission([action])


class DeliveryPolicy(SuperuserOnlyPolicy):
    """The log is written by the task: superusers read it and send again, but
    nobody adds or edits entries by hand."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in {"view", "resend", "delete"} and super().user_has_permission(
            user, action
        )

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
