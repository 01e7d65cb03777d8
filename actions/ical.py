"""Rallies as iCalendar (RFC 5545): one file per rally and a feed per locale.

Built with the ``icalendar`` package. Times are written in the rally's own time
zone with its VTIMEZONE, and the UID is the rally's ``translation_key``, so the
English, Dutch and French files describe one event: a calendar that imported one
updates it when importing another.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from actions.choices import RallyStatus

if TYPE_CHECKING:
    from actions.models import RallyPage

PRODID = "-//NGO CMS//Rallies//EN"
# The right-hand side of every UID: stable across hosts and environments, so that
# a rally keeps its UID when the site moves.
UID_DOMAIN = getattr(settings, "ACTIONS_ICAL_UID_DOMAIN", "rallies.ngo-cms.org")
ICAL_STATUS = {
    RallyStatus.SCHEDULED: "CONFIRMED",
    RallyStatus.TOOK_PLACE: "CONFIRMED",
    RallyStatus.POSTPONED: "TENTATIVE",
    RallyStatus.CANCELLED: "CANCELLED",
}


def rally_uid(rally: RallyPage) -> str:
    """The iCalendar UID of a rally, shared by all its translations."""
    return f"{rally.translation_key}@{UID_DOMAIN}"


def rally_event(rally: RallyPage, *, stamp: datetime.datetime | None = None) -> Event:
    """One VEVENT for ``rally``, in the language of the active translation.

    Args:
        rally: the rally page (any locale).
        stamp: the DTSTAMP (default: now, in UTC).
    """
    event = Event()
    event.add("uid", rally_uid(rally))
    event.add("dtstamp", (stamp or timezone.now()).astimezone(datetime.UTC))
    event.add("dtstart", rally.local_starts_at)
    event.add("dtend", rally.local_ends_at)
    event.add("summary", rally.title)
    url = rally.get_full_url()
    description = [rally.summary]
    if rally.travel_notes:
        description.append(
            _("Getting there: %(notes)s") % {"notes": rally.travel_notes}
        )
    if url:
        description.append(url)
        event.add("url", url)
    event.add("description", "\n\n".join(description))
    event.add("location", ", ".join([*rally.address_lines, rally.country]))
    if rally.latitude is not None and rally.longitude is not None:
        event.add("geo", (float(rally.latitude), float(rally.longitude)))
    event.add("status", ICAL_STATUS.get(rally.status, "CONFIRMED"))
    if rally.last_published_at:
        event.add("last-modified", rally.last_published_at.astimezone(datetime.UTC))
    return event


def rally_calendar(rallies: Iterable[RallyPage], *, language_code: str) -> bytes:
    """One VCALENDAR with a VEVENT per rally and the VTIMEZONEs they use.

    Args:
        rallies: rally pages, usually of one locale.
        language_code: the language of the calendar's own texts.

    Returns:
        The calendar as bytes (UTF-8, CRLF line endings), ready to serve.
    """
    rallies = list(rallies)
    stamp = timezone.now()
    with translation.override(language_code):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Rallies"))
        for rally in rallies:
            calendar.add_component(rally_event(rally, stamp=stamp))
        if rallies:
            # Only the years the events need: a full VTIMEZONE history is huge.
            first = min(r.starts_at for r in rallies).date() - datetime.timedelta(366)
            last = max(r.ends_at for r in rallies).date() + datetime.timedelta(366)
            calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def single_rally_calendar(rally: RallyPage) -> bytes:
    """The calendar file of one rally, in the rally's language."""
    return rally_calendar([rally], language_code=rally.locale.language_code)


def calendar_response(
    rallies: Iterable[RallyPage], *, language_code: str, filename: str
) -> HttpResponse:
    """An HTTP response that downloads ``rallies`` as ``filename``."""
    response = HttpResponse(
        rally_calendar(rallies, language_code=language_code),
        content_type="text/calendar; charset=utf-8",
    )
    # Slugs may be Unicode (“rassemblements-été”): RFC 6266 encodes those properly.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
