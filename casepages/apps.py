from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasePagesConfig(AppConfig):
    """Prisoner cases: a person, their arrest, trial, sentence and timeline."""

    name = "casepages"
    verbose_name = _("prisoner cases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the cases section under the home pages and the cases API."""
        from ngo_cms.models import register_section_page_type

        from .api.registration import register

        register_section_page_type("casepages.CaseIndexPage")
        register()
