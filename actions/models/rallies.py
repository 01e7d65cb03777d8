"""Rallies: a time and a place to show up, organisers, and the report afterwards."""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from actions.blocks import PressLinksBlock
from actions.choices import RallyStatus
from ngo_cms.api.preview import HeadlessPreviewPageMixin
from ngo_cms.blocks import BodyBlock
from ngo_cms.forms import SameLocaleChoicesPageForm
from ngo_cms.models import PAGE_TRANSLATABLE_FIELDS
from ngo_cms.visibility import is_visible, visible

from .petitions import RelatedCase, _pages_in_locale

DEFAULT_TIME_ZONE = "Europe/Brussels"


def validate_time_zone(value: str) -> None:
    """Accept only IANA time zone names such as "Europe/Brussels"."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as “Europe/Brussels”."),
            params={"value": value},
            code="invalid_time_zone",
        ) from error


def validate_country_code(value: str) -> None:
    """Accept only ISO 3166 two-letter country codes such as "BE".

    Kept for migration 0007, which names it; the field is now django-countries'
    ``CountryField``, which offers the countries by name in the editor's language."""
    if value not in countries:
        raise ValidationError(
            _("“%(value)s” is not a two-letter country code such as “BE”."),
            params={"value": value},
            code="invalid_country",
        )


class Organisation(TranslatableMixin, models.Model):
    """A group that organises or co-organises rallies (a snippet, translated like pages).

    Pages link to the source-language row; the API shows the row of the requested
    language.
    """

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("website"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RallyQuerySet(PageQuerySet):
    """Rally pages with the one rule of what is upcoming and what is past, used by
    the section pages, the API lists and every iCalendar feed.

    A rally is upcoming until it has ended (one under way is still upcoming).
    """

    # Soonest first / most recent first; the id breaks ties so pages never shift.
    UPCOMING_ORDER = ("starts_at", "pk")
    PAST_ORDER = ("-starts_at", "-pk")

    def upcoming(self, now: datetime.datetime | None = None) -> RallyQuerySet:
        """Rallies that have not ended yet, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by(
            *self.UPCOMING_ORDER
        )

    def past(self, now: datetime.datetime | None = None) -> RallyQuerySet:
        """Rallies that have ended, most recent first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by(*self.PAST_ORDER)


RallyManager = PageManager.from_queryset(RallyQuerySet)


def zone_or_default(name: str) -> zoneinfo.ZoneInfo:
    """The time zone called ``name``, or Europe/Brussels when there is none such."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)


class RallyPageForm(SameLocaleChoicesPageForm):
    """The rally edit form: start and end are typed and shown in the rally's own
    time zone (its ``time_zone`` field), not in the server's, so that a vigil in
    London at 18:00 is entered as 18:00. Organisers are offered in the page's
    language only.
    """

    local_time_fields = ("starts_at", "ends_at")
    same_locale_fields = ("organisers",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            return
        zone = self.instance.zone
        for name in self.local_time_fields:
            value = getattr(self.instance, name)
            if value is not None and name in self.fields:
                # A naive value is shown as it is, without conversion.
                self.initial[name] = timezone.make_naive(value, zone)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        zone = zone_or_default(cleaned.get("time_zone") or DEFAULT_TIME_ZONE)
        for name in self.local_time_fields:
            value = cleaned.get(name)
            if value is not None:
                # Django read the typed time in the server's zone: read it again in
                # the rally's.
                cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned


class RallyPage(HeadlessPreviewPageMixin, RoutablePageMixin, Page):
    """A rally, vigil or protest: when and where to come, who organises it, and after
    the day a report with press links.

    Times are stored as instants and shown in the rally's own time zone; ``ical/``
    below the page is its calendar file. Times, place, coordinates, status and links
    are synchronised from the source page and cannot drift in a translation.
    """

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences for lists and calendars: what and why."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_(
            "Where the rally takes place, as in “Europe/Brussels”; calendars show the "
            "times in this zone."
        ),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("What people look for when they arrive, e.g. “Central Station”."),
    )
    street_address = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"), default="BE")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    travel_notes = models.TextField(
        _("travel notes"),
        blank=True,
        help_text=_("How to get there: public transport, parking, expected delays."),
    )
    organisers = ParentalManyToManyField(
        Organisation,
        verbose_name=_("organisers"),
        blank=True,
        related_name="rallies",
        help_text=_("Choose the organisations in the source language."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RallyStatus.choices,
        default=RallyStatus.SCHEDULED,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    report = StreamField(
        BodyBlock(),
        verbose_name=_("report"),
        blank=True,
        help_text=_("After the day: who came, what was said, what happens next."),
    )
    press_links = StreamField(
        PressLinksBlock(), verbose_name=_("press links"), blank=True
    )

    objects = RallyManager()

    base_form_class = RallyPageForm
    parent_page_types = ["actions.RallyIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    event_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel(
                    [FieldPanel("postcode"), FieldPanel("city"), FieldPanel("country")]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("travel_notes"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("organisers"),
    ]
    report_panels = [FieldPanel("report"), FieldPanel("press_links")]
    links_panels = [
        InlinePanel("related_cases", heading=_("Related cases"), label=_("case")),
        InlinePanel(
            "related_actions", heading=_("Related actions"), label=_("urgent action")
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(event_panels, heading=_("Event")),
            ObjectList(report_panels, heading=_("Report")),
            ObjectList(links_panels, heading=_("Links")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("status"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        # Content
        TranslatableField("summary"),
        TranslatableField("body"),
        # Event: the facts are synchronised; names and directions are translated.
        SynchronizedField("starts_at", overridable=False),
        SynchronizedField("ends_at", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("status", overridable=False),
        TranslatableField("venue_name"),
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("postcode", overridable=False),
        TranslatableField("city"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        TranslatableField("travel_notes"),
        SynchronizedField("organisers", overridable=False),
        # Report
        TranslatableField("report"),
        TranslatableField("press_links"),
        # Links
        SynchronizedField("related_cases", overridable=False),
        SynchronizedField("related_actions", overridable=False),
    ]

    class Meta:
        verbose_name = _("rally")
        verbose_name_plural = _("rallies")

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("A rally must end after it starts.")},
                code="ends_before_start",
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Give both the latitude and the longitude, or neither.")
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The rally's time zone (Europe/Brussels when the stored name is unknown)."""
        return zone_or_default(self.time_zone)

    @property
    def local_starts_at(self) -> datetime.datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self) -> datetime.datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def address_lines(self) -> list[str]:
        """The postal address as lines, empty parts left out."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.venue_name, self.street_address, town) if line]

    def get_organisers(self) -> list[Organisation]:
        """The organisers, each in the page's language where it is translated, else
        in the source language (:mod:`ngo_cms.snippets`)."""
        from ngo_cms.snippets import snippets_of

        return snippets_of(self, "organisers", Organisation)

    def get_related_cases(self) -> list[Page]:
        """The live related case pages, in this page's language where translated."""
        return _pages_in_locale(
            [item.page for item in self.related_cases.all()], self.locale
        )

    def get_related_actions(self) -> list[Page]:
        """The live related urgent actions, in this page's language where translated."""
        return _pages_in_locale(
            [item.page for item in self.related_actions.all()], self.locale
        )

    @property
    def ical_url(self) -> str:
        """The address of this rally's .ics file."""
        return (self.url or "") + self.reverse_subpage("ical")

    @path("")
    def rally_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("ical/", name="ical")
    def ical_route(self, request: HttpRequest) -> HttpResponse:
        """This rally as an iCalendar file to add to a calendar."""
        from actions.ical import calendar_response

        if not is_visible(self):
            # Wagtail serves an expired page until publish_scheduled runs.
            raise Http404

        return calendar_response(
            request,
            [self],
            language_code=self.locale.language_code,
            filename=f"{self.slug}.ics",
        )


class RallyRelatedCase(RelatedCase):
    """A prisoner case that a rally is about."""

    rally = ParentalKey(
        RallyPage, on_delete=models.CASCADE, related_name="related_cases"
    )

    class Meta(RelatedCase.Meta):
        pass


class RallyRelatedAction(Orderable):
    """An urgent action that people at a rally are asked to sign."""

    rally = ParentalKey(
        RallyPage, on_delete=models.CASCADE, related_name="related_actions"
    )
    page = models.ForeignKey(
        "actions.UrgentActionPage",
        verbose_name=_("urgent action"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related action")
        verbose_name_plural = _("related actions")


def _live_rallies(locale: Locale | str) -> RallyQuerySet:
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    return visible(RallyPage.objects.filter(locale=locale))


def upcoming_rallies(
    locale: Locale | str, now: datetime.datetime | None = None
) -> RallyQuerySet:
    """Live, public rallies in ``locale`` that have not ended, soonest first.

    Args:
        locale: a Locale or a language code ("nl").
        now: the moment that separates upcoming from past (default: now).
    """
    return _live_rallies(locale).upcoming(now)


def past_rallies(
    locale: Locale | str, now: datetime.datetime | None = None
) -> RallyQuerySet:
    """Live, public rallies in ``locale`` that have ended, most recent first."""
    return _live_rallies(locale).past(now)
