from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NgoCmsConfig(AppConfig):
    """The shared glue: home and section pages, the API router, demo content."""

    name = "ngo_cms"
    verbose_name = _("NGO CMS")
    default_auto_field = "django.db.models.BigAutoField"
