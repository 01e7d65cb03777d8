"""Stream blocks of prisoner case pages: timeline events, sources and case updates.

Dates and choices inside these blocks are facts: wagtail-localize copies them from the
source page into every translation. Titles and texts are translated; a source's web
address is a fact too, so it is copied as well and translators cannot override it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .choices import DatePrecision, TimelineEventKind


def date_precision_error(
    date: datetime.date | None, precision: str | None
) -> str | None:
    """Why ``date`` does not fit ``precision``, or None when it does.

    Args:
        date: the date as entered.
        precision: a :class:`~casepages.choices.DatePrecision` value.

    Returns:
        A lazily translated message for the editor, or None.
    """
    if date is None:
        return None
    if precision == DatePrecision.MONTH and date.day != 1:
        return _(
            "When only the month is known, enter the first day of that month "
            "(e.g. 1 April 2016)."
        )
    if precision == DatePrecision.YEAR and (date.month, date.day) != (1, 1):
        return _(
            "When only the year is known, enter 1 January of that year "
            "(e.g. 1 January 2016)."
        )
    return None


class SynchronisedURLBlock(blocks.URLBlock):
    """A web address that every translation copies from the source page.

    wagtail-localize normally offers each URL block to translators as an override;
    this one gives it no segment at all, so the address cannot drift from the
    source in a translation.
    """

    def get_translatable_segments(self, value: str) -> list:
        """Nothing to translate or override (read by wagtail-localize)."""
        return []


class TimelineEventBlock(blocks.StructBlock):
    """One dated event of a case: an arrest, a trial, a transfer, a letter...

    The date is stored in full; ``date_precision`` says how much of it is known, and a
    month- or year-precise date must fall on the first day of that month or year.
    """

    date = blocks.DateBlock(label=_("date"))
    date_precision = blocks.ChoiceBlock(
        label=_("date precision"),
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How much of the date the sources give. Choose “month” or “year” when the "
            "day is unknown; the site then shows only the month or the year."
        ),
    )
    kind = blocks.ChoiceBlock(
        label=_("kind of event"), choices=TimelineEventKind.choices
    )
    title = blocks.CharBlock(
        label=_("title"),
        max_length=200,
        help_text=_("A short line, e.g. “Sentenced to death”."),
    )
    text = blocks.TextBlock(
        label=_("text"),
        required=False,
        help_text=_("What happened. Cite sources by their number, e.g. [3]."),
    )

    class Meta:
        icon = "date"
        label = _("timeline event")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        result = super().clean(value)
        message = date_precision_error(result.get("date"), result.get("date_precision"))
        if message:
            raise StructBlockValidationError(
                block_errors={"date": ValidationError(message)}
            )
        return result


class TimelineBlock(blocks.StreamBlock):
    """The events of a case; saved in date order, oldest first."""

    event = TimelineEventBlock()


class SourceBlock(blocks.StructBlock):
    """A published source the case text cites by its number in the list: [1], [2]..."""

    title = blocks.CharBlock(label=_("title"), max_length=300)
    publisher = blocks.CharBlock(
        label=_("publisher"),
        required=False,
        max_length=200,
        help_text=_("Who published it, e.g. “Amnesty International”."),
    )
    url = SynchronisedURLBlock(label=_("web address"), required=False)
    date = blocks.DateBlock(label=_("date"), required=False)

    class Meta:
        icon = "link"
        label = _("source")


class SourcesBlock(blocks.StreamBlock):
    """The numbered sources of a case; their order gives their numbers."""

    source = SourceBlock()


class CaseUpdateBlock(blocks.StructBlock):
    """A short dated news item about the case, e.g. a new letter or a transfer.

    Like timeline events, an update may be dated to the month or the year only.
    """

    date = blocks.DateBlock(label=_("date"))
    date_precision = blocks.ChoiceBlock(
        label=_("date precision"),
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How much of the date the sources give. Choose “month” or “year” when the "
            "day is unknown; the site then shows only the month or the year."
        ),
    )
    text = blocks.TextBlock(
        label=_("text"),
        help_text=_("One or two sentences. Cite sources by their number, e.g. [3]."),
    )

    class Meta:
        icon = "pick"
        label = _("update")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        result = super().clean(value)
        message = date_precision_error(result.get("date"), result.get("date_precision"))
        if message:
            raise StructBlockValidationError(
                block_errors={"date": ValidationError(message)}
            )
        return result


class UpdatesBlock(blocks.StreamBlock):
    """The updates of a case; saved newest first."""

    update = CaseUpdateBlock()
