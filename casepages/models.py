"""Prisoner case pages, the section that lists them, and campaign themes."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ngo_cms.api.preview import HeadlessPreviewPageMixin
from ngo_cms.blocks import BodyBlock
from ngo_cms.models import PAGE_TRANSLATABLE_FIELDS, SectionIndexPage

from .blocks import SourcesBlock, TimelineBlock, UpdatesBlock, date_precision_error
from .choices import CaseStatus


class CaseIndexPage(SectionIndexPage):
    """The list of prisoner cases in one language (e.g. /en/cases/, /nl/zaken/)."""

    subpage_types = ["casepages.PrisonerCasePage"]

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


class PrisonerCasePageForm(WagtailAdminPageForm):
    """The edit form of a case: offers only the themes of the page's own language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "themes" not in self.fields:
            return
        locale_id = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page else None
        )
        if locale_id:
            self.fields["themes"].queryset = Theme.objects.filter(locale_id=locale_id)


def _sorted_stream(value: StreamValue, *, reverse: bool) -> StreamValue:
    """``value`` with its children ordered by their ``date``, keeping block ids.

    Sorting is stable, so events of the same day keep the order the editor gave.
    """
    children = sorted(
        value,
        key=lambda child: child.value.get("date") or datetime.date.min,
        reverse=reverse,
    )
    return StreamValue(
        value.stream_block,
        [(child.block_type, child.value, child.id) for child in children],
    )


class PrisonerCasePage(HeadlessPreviewPageMixin, Page):
    """The record of one person at risk: who they are, where their case stands, and
    how it got there (timeline, numbered sources, dated updates).

    Text is translated; the facts (dates, status, countries, portrait, themes) are
    synchronised from the source page so that a translation cannot change them. On
    every save the timeline is put in date order (oldest first) and the updates
    newest first.
    """

    # Person (the page title is the person's name)
    name_original_script = models.CharField(
        _("name in original script"),
        max_length=255,
        blank=True,
        help_text=_("The name as the person writes it, e.g. احمدرضا جلالی."),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Use a photo the person or their family agreed to publish."),
    )
    portrait_alt_text = models.CharField(
        _("portrait alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the photo for people who cannot see it, e.g. “Ahmadreza Djalali "
            "smiling, in a grey suit”."
        ),
    )
    photo_credit = models.CharField(_("photo credit"), max_length=255, blank=True)
    born_on = models.DateField(_("born on"), null=True, blank=True)
    nationalities = CountryField(
        _("nationalities"),
        multiple=True,
        blank=True,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one country."),
    )
    occupation = models.CharField(
        _("occupation"),
        max_length=255,
        blank=True,
        help_text=_("e.g. “disaster medicine doctor and researcher”."),
    )

    # Case
    country_of_detention = CountryField(
        _("country of detention"),
        help_text=_("Where the person is held, or was last held."),
    )
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=CaseStatus.choices,
        default=CaseStatus.DETAINED,
    )
    detained_since = models.DateField(
        _("detained since"),
        null=True,
        blank=True,
        help_text=_("The day of the arrest; leave empty if the person is not held."),
    )
    place_of_detention = models.CharField(
        _("place of detention"),
        max_length=255,
        blank=True,
        help_text=_("e.g. “Evin prison, Tehran”."),
    )
    charges = models.TextField(_("charges"), blank=True)
    sentence = models.TextField(_("sentence"), blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_(
            "Two or three sentences shown on case cards and in search results."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(
        "casepages.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="cases",
    )

    # Timeline
    timeline = StreamField(
        TimelineBlock(),
        verbose_name=_("timeline"),
        blank=True,
        help_text=_("Events are put in date order when you save."),
    )

    # Sources and updates
    sources = StreamField(
        SourcesBlock(),
        verbose_name=_("sources"),
        blank=True,
        help_text=_(
            "Numbered in this order: [1] is the first source. Keep the order once the "
            "text cites them."
        ),
    )
    updates = StreamField(
        UpdatesBlock(),
        verbose_name=_("case updates"),
        blank=True,
        help_text=_("Updates are put newest first when you save."),
    )

    parent_page_types = ["casepages.CaseIndexPage"]
    subpage_types: list[str] = []

    base_form_class = PrisonerCasePageForm
    person_panels = [
        TitleFieldPanel("title", heading=_("name")),
        FieldPanel("name_original_script"),
        MultiFieldPanel(
            [
                FieldPanel("portrait"),
                FieldPanel("portrait_alt_text"),
                FieldPanel("photo_credit"),
            ],
            heading=_("portrait"),
        ),
        FieldPanel("born_on"),
        FieldPanel("nationalities"),
        FieldPanel("occupation"),
    ]
    case_panels = [
        FieldPanel("country_of_detention"),
        FieldPanel("status"),
        FieldPanel("detained_since"),
        FieldPanel("place_of_detention"),
        FieldPanel("charges"),
        FieldPanel("sentence"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    timeline_panels = [FieldPanel("timeline")]
    sources_panels = [FieldPanel("sources"), FieldPanel("updates")]
    edit_handler = TabbedInterface(
        [
            ObjectList(person_panels, heading=_("Person")),
            ObjectList(case_panels, heading=_("Case")),
            ObjectList(timeline_panels, heading=_("Timeline")),
            ObjectList(sources_panels, heading=_("Sources and updates")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("name_original_script"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("country_of_detention"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        # Person
        SynchronizedField("name_original_script", overridable=False),
        SynchronizedField("portrait", overridable=False),
        TranslatableField("portrait_alt_text"),
        TranslatableField("photo_credit"),
        SynchronizedField("born_on", overridable=False),
        SynchronizedField("nationalities", overridable=False),
        TranslatableField("occupation"),
        # Case
        SynchronizedField("country_of_detention", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("detained_since", overridable=False),
        TranslatableField("place_of_detention"),
        TranslatableField("charges"),
        TranslatableField("sentence"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("themes", overridable=False),
        # Timeline: texts are translated, dates, precisions and kinds are copied.
        TranslatableField("timeline"),
        # Sources and updates: titles and texts are translated; the sources' URLs
        # and dates are copied (see SynchronisedURLBlock).
        TranslatableField("sources"),
        TranslatableField("updates"),
    ]

    class Meta:
        verbose_name = _("prisoner case page")
        verbose_name_plural = _("prisoner case pages")

    def clean(self) -> None:
        """Check the facts an editor entered and put the timeline and updates in order.

        Raises:
            ValidationError: with messages attached to the fields concerned.
        """
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        today = timezone.localdate()
        if self.born_on and self.born_on > today:
            errors.setdefault("born_on", []).append(
                ValidationError(_("The date of birth cannot be in the future."))
            )
        if self.detained_since and self.detained_since > today:
            errors.setdefault("detained_since", []).append(
                ValidationError(_("The date of detention cannot be in the future."))
            )
        if self.born_on and self.detained_since and self.born_on >= self.detained_since:
            errors.setdefault("born_on", []).append(
                ValidationError(
                    _("The date of birth must be before the date of detention.")
                )
            )
        for field_name, message in (
            ("timeline", _("Timeline event %(number)s: %(problem)s")),
            ("updates", _("Update %(number)s: %(problem)s")),
        ):
            for number, child in enumerate(getattr(self, field_name), start=1):
                problem = date_precision_error(
                    child.value.get("date"), child.value.get("date_precision")
                )
                if problem:
                    errors.setdefault(field_name, []).append(
                        ValidationError(
                            message, params={"number": number, "problem": problem}
                        )
                    )
        validate_url = URLValidator(schemes=["http", "https"])
        for number, source in enumerate(self.sources, start=1):
            url = source.value.get("url")
            if not url:
                continue
            try:
                validate_url(url)
            except ValidationError:
                errors.setdefault("sources", []).append(
                    ValidationError(
                        _("Source %(number)s: “%(url)s” is not a valid web address."),
                        params={"number": number, "url": url},
                    )
                )
        if errors:
            raise ValidationError(errors)
        self.timeline = _sorted_stream(self.timeline, reverse=False)
        self.updates = _sorted_stream(self.updates, reverse=True)

    @property
    def country_of_detention_name(self) -> str:
        """The country of detention by its name in the active language."""
        return self.country_of_detention.name

    def get_themes(self) -> list[Theme]:
        """The page's themes, each in the page's own language where it is
        translated, else in the source language (:mod:`ngo_cms.snippets`)."""
        from ngo_cms.snippets import snippets_of

        return snippets_of(self, "themes", Theme)
