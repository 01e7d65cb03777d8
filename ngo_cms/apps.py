from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NgoCmsConfig(AppConfig):
    """The shared glue: home and section pages, the API router, demo content."""

    name = "ngo_cms"
    verbose_name = _("NGO CMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
        from .api.registration import register
        from .conf import app_settings
        from .models import register_home_page_types
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

        from .translation_handlers import register_translation_handlers

        register_translation_handlers()

        from .translation_roles import translate_group_names

        translate_group_names()
        register()
        register_home_page_types(list(app_settings.NGO_CMS_HOME_PAGE_TYPES))
