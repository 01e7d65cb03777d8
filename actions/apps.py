from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    """Urgent actions with petitions, and rallies with their calendar files."""

    name = "actions"
    verbose_name = _("actions and rallies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the sections, the call-to-action target and the API routes."""
        from ngo_cms.blocks import register_call_to_action_page_type
        from ngo_cms.models import register_section_page_type

        from .api.registration import register

        register_section_page_type("actions.ActionIndexPage")
        register_section_page_type("actions.RallyIndexPage")
        register_call_to_action_page_type("actions.UrgentActionPage")
        register()
