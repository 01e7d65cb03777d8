"""Urgent action and rally pages and the sections that list them."""

from django.utils.translation import gettext_lazy as _

from ngo_cms.models import SectionIndexPage


class ActionIndexPage(SectionIndexPage):
    """The list of urgent actions in one language (e.g. /en/actions/)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("action index page")
        verbose_name_plural = _("action index pages")


class RallyIndexPage(SectionIndexPage):
    """The list of rallies in one language (e.g. /en/rallies/, /fr/rassemblements/)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("rally index page")
        verbose_name_plural = _("rally index pages")
