"""Prisoner case pages and the section that lists them."""

from django.utils.translation import gettext_lazy as _

from ngo_cms.models import SectionIndexPage


class CaseIndexPage(SectionIndexPage):
    """The list of prisoner cases in one language (e.g. /en/cases/, /nl/zaken/)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case index page")
        verbose_name_plural = _("case index pages")
