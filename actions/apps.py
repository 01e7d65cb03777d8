from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    """Urgent actions with petitions, and rallies with their calendar files."""

    name = "actions"
    verbose_name = _("actions and rallies")
    default_auto_field = "django.db.models.BigAutoField"
