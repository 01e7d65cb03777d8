"""Rallies as iCalendar (RFC 5545): one file per rally and a feed per locale.

Built with the ``icalendar`` package. Times are written in the rally's own time
zone with its VTIMEZONE, and the UID is the rally's ``translation_key``, so the
English, Dutch and French files describe one event: a calendar that imported one
updates it when importing another.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from actions.choices import RallyStatus

if TYPE_CHECKING:
    from actions.models import RallyPage

PRODID = "-//NGO CMS//Rallies//EN"
# The right-hand side of every UID: stable across hosts and environments, so that
# a rally keeps its UID when the site moves.
UID_DOMAIN = getattr(settings, "ACTIONS_ICAL_UID_DOMAIN", "rallies.ngo-cms.org")
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# The span of every VTIMEZONE written: fixed, so that all files agree.
TZ_FIRST = datetime.date(2000, 1, 1)
TZ_LAST = datetime.date(2038, 1, 1)
ICAL_STATUS = {
    RallyStatus.SCHEDULED: "CONFIRMED",
    RallyStatus.TOOK_PLACE: "CONFIRMED",
    RallyStatus.POSTPONED: "TENTATIVE",
    RallyStatus.CANCELLED: "CANCELLED",
}


def rally_uid(rally: RallyPage) -> str:
    """The iCalendar UID of a rally, shared by all its translations."""
    return f"{rally.translation_key}@{UID_DOMAIN}"


def content_stamp(rally: RallyPage) -> datetime.datetime:
    """When the rally's content last changed: its DTSTAMP and LAST-MODIFIED.

    Taken from the content, never the clock, so that the same content gives the
    same file (and ETag) and subscribed calendars see no change that is not one.
    """
    stamp = rally.last_published_at or rally.first_published_at or rally.starts_at
    return stamp.astimezone(datetime.UTC).replace(microsecond=0)


def rally_event(rally: RallyPage, *, stamp: datetime.datetime | None = None) -> Event:
    """One VEVENT for ``rally``, in the language of the active translation.

    Args:
        rally: the rally page (any locale).
        stamp: the DTSTAMP (default: when the rally's content last changed).
    """
    event = Event()
    event.add("uid", rally_uid(rally))
    event.add("dtstamp", (stamp or content_stamp(rally)).astimezone(datetime.UTC))
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
    # The country by its name in the calendar's language, not its code.
    country = str(rally.country.name) if rally.country else ""
    event.add(
        "location", ", ".join(part for part in [*rally.address_lines, country] if part)
    )
    if rally.latitude is not None and rally.longitude is not None:
        event.add("geo", (float(rally.latitude), float(rally.longitude)))
    event.add("status", ICAL_STATUS.get(rally.status, "CONFIRMED"))
    event.add("last-modified", content_stamp(rally))
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
    with translation.override(language_code):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Rallies"))
        # How often subscribed calendars should fetch the feed again (RFC 7986,
        # and the older X-PUBLISHED-TTL that Outlook and Apple read).
        calendar.add(
            "refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
        for rally in rallies:
            calendar.add_component(rally_event(rally))
        # The same complete definition of each time zone in every file: a client
        # that caches the first VTIMEZONE of a TZID must not shift later events.
        calendar.add_missing_timezones(first_date=TZ_FIRST, last_date=TZ_LAST)
    return calendar.to_ical()


def single_rally_calendar(rally: RallyPage) -> bytes:
    """The calendar file of one rally, in the rally's language."""
    return rally_calendar([rally], language_code=rally.locale.language_code)


def calendar_response(
    request: HttpRequest,
    rallies: Iterable[RallyPage],
    *,
    language_code: str,
    filename: str,
) -> HttpResponse:
    """The one iCalendar answer of the page routes and the API routes.

    Served inline under a stable file name so that calendar apps can subscribe to
    the address, with an ``ETag`` (a hash of the file, which depends only on the
    content) and a ``Last-Modified`` (the latest change of a rally in it); a client
    whose copy is current gets a 304.
    """
    rallies = list(rallies)
    body = rally_calendar(rallies, language_code=language_code)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # Slugs may be Unicode (“rassemblements-été”): RFC 6266 encodes those properly.
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["Content-Language"] = language_code
    response["ETag"] = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
    if rallies:
        latest = max(content_stamp(rally) for rally in rallies)
        response["Last-Modified"] = http_date(latest.timestamp())
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(latest.timestamp()) if rallies else None,
        response=response,
    )
