from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasePagesConfig(AppConfig):
    """Prisoner cases: a person, their arrest, trial, sentence and timeline."""

    name = "casepages"
    verbose_name = _("prisoner cases")
    default_auto_field = "django.db.models.BigAutoField"
