"""Prisoner case pages, the section that lists them, and campaign themes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from ngo_cms.models import SectionIndexPage


class CaseIndexPage(SectionIndexPage):
    """The list of prisoner cases in one language (e.g. /en/cases/, /nl/zaken/)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case index page")
        verbose_name_plural = _("case index pages")


class Theme(TranslatableMixin, models.Model):
    """A campaign theme (death penalty, academic freedom...) shared by cases and actions.

    Translatable like pages: each language has its own row, linked by
    ``translation_key``; pages link to the source-language row and the API shows the
    row of the requested language.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in web addresses and API filters, e.g. “death-penalty”."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_theme_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name
