"""Factories for the casepages app: themes, case pages and their stream blocks."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from casepages.blocks import (
    CaseUpdateBlock,
    SourceBlock,
    SourcesBlock,
    TimelineBlock,
    TimelineEventBlock,
    UpdatesBlock,
)
from casepages.choices import CaseStatus, DatePrecision, TimelineEventKind
from casepages.models import PrisonerCasePage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    """A theme in the default (English) locale."""

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class TimelineEventBlockFactory(wagtail_factories.StructBlockFactory):
    """An arrest on a known day."""

    date = datetime.date(2021, 5, 4)
    date_precision = DatePrecision.DAY
    kind = TimelineEventKind.ARREST
    title = factory.Sequence(lambda n: f"Event {n}")
    text = "Police take him from his home. [1]"

    class Meta:
        model = TimelineEventBlock


class SourceBlockFactory(wagtail_factories.StructBlockFactory):
    """A dated source with a web address."""

    title = factory.Sequence(lambda n: f"Report {n}")
    publisher = "Human Rights Watch"
    url = "https://www.hrw.org/"
    date = datetime.date(2021, 6, 1)

    class Meta:
        model = SourceBlock


class CaseUpdateBlockFactory(wagtail_factories.StructBlockFactory):
    """An update dated to the day."""

    date = datetime.date(2022, 1, 10)
    date_precision = DatePrecision.DAY
    text = "A court hearing is postponed. [1]"

    class Meta:
        model = CaseUpdateBlock


class TimelineBlockFactory(wagtail_factories.StreamBlockFactory):
    """Timeline events: ``timeline__0__event__title="..."``."""

    event = factory.SubFactory(TimelineEventBlockFactory)

    class Meta:
        model = TimelineBlock


class SourcesBlockFactory(wagtail_factories.StreamBlockFactory):
    """Sources: ``sources__0__source__url="..."``."""

    source = factory.SubFactory(SourceBlockFactory)

    class Meta:
        model = SourcesBlock


class UpdatesBlockFactory(wagtail_factories.StreamBlockFactory):
    """Case updates: ``updates__0__update__text="..."``."""

    update = factory.SubFactory(CaseUpdateBlockFactory)

    class Meta:
        model = UpdatesBlock


class PrisonerCasePageFactory(wagtail_factories.PageFactory):
    """A live case of someone detained in Belarus; pass ``parent`` (a case index)."""

    title = factory.Sequence(lambda n: f"Prisoner {n}")
    country_of_detention = "BY"
    status = CaseStatus.DETAINED
    detained_since = datetime.date(2021, 5, 4)
    born_on = datetime.date(1985, 2, 3)
    summary = "A journalist held for her reporting."
    timeline = wagtail_factories.StreamFieldFactory(TimelineBlockFactory)
    sources = wagtail_factories.StreamFieldFactory(SourcesBlockFactory)
    updates = wagtail_factories.StreamFieldFactory(UpdatesBlockFactory)

    class Meta:
        model = PrisonerCasePage
