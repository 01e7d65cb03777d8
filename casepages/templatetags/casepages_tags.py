"""Template filters of case pages: dates shown as precisely as they are known, and
numbered citations turned into links to the list of sources."""

import datetime
import re

from django import template
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from casepages.choices import DatePrecision

register = template.Library()

_CITATION = re.compile(r"\[(\d{1,3})\]")


@register.filter
def partial_date(
    value: datetime.date | None, precision: str = DatePrecision.DAY
) -> str:
    """``value`` in the active language, as far as ``precision`` says it is known."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


@register.filter
def machine_date(
    value: datetime.date | None, precision: str = DatePrecision.DAY
) -> str:
    """``value`` for a ``<time datetime>`` attribute: 2016, 2016-04 or 2016-04-24."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@register.filter
def cite(text: str) -> SafeString:
    """Plain ``text`` as paragraphs, with each citation [n] linked to source n."""
    html = linebreaks(escape(text))
    return mark_safe(  # noqa: S308 - the text was escaped above
        _CITATION.sub(r'<a href="#source-\1">[\1]</a>', html)
    )
