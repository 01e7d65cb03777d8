"""Rallies as iCalendar: valid RFC 5545, one UID across translations, local time."""

import pytest
from icalendar import Calendar

from actions.choices import RallyStatus
from actions.ical import rally_calendar, rally_uid, single_rally_calendar
from actions.models import RallyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> dict[str, RallyPage]:
    """The demo embassy rally (seed 000) in en, nl and fr."""
    source = RallyPage.objects.get(
        locale__language_code="en", slug="protest-iranian-embassy-djalali"
    )
    return {
        page.locale.language_code: page
        for page in RallyPage.objects.filter(translation_key=source.translation_key)
    }


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_parses_back_with_required_properties(embassy):
    calendar = Calendar.from_ical(single_rally_calendar(embassy["en"]))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL"):
        assert prop in event
    assert event["SUMMARY"] == embassy["en"].title
    assert "Franklin Rooseveltlaan 15" in event["LOCATION"]
    assert event["STATUS"] == "CONFIRMED"
    assert event["GEO"].latitude == pytest.approx(50.8129)


def test_times_are_in_the_rallys_time_zone_with_its_vtimezone(embassy):
    calendar = Calendar.from_ical(single_rally_calendar(embassy["en"]))
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (18, 0)
    assert event.decoded("DTEND").hour == 19
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]


def test_uid_is_the_same_in_every_translation(embassy):
    uids = {
        str(events(single_rally_calendar(page))[0]["UID"]) for page in embassy.values()
    }
    assert uids == {rally_uid(embassy["en"])}
    summaries = {
        str(events(single_rally_calendar(p))[0]["SUMMARY"]) for p in embassy.values()
    }
    assert len(summaries) == 3


def test_cancelled_rally_is_cancelled_in_the_calendar(embassy):
    rally = embassy["fr"]
    rally.status = RallyStatus.CANCELLED
    (event,) = events(rally_calendar([rally], language_code="fr"))
    assert event["STATUS"] == "CANCELLED"


def test_rally_page_serves_its_ics_file(client, embassy):
    response = client.get(embassy["nl"].ical_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("inline;")
    (event,) = events(response.content)
    assert event["SUMMARY"] == embassy["nl"].title


def test_rally_index_feed_lists_only_upcoming_rallies_of_its_locale(client, embassy):
    index = embassy["fr"].get_parent().specific
    response = client.get(index.ical_url)
    assert response.status_code == 200
    summaries = [str(event["SUMMARY"]) for event in events(response.content)]
    assert summaries == [embassy["fr"].title]


def test_empty_calendar_is_still_valid():
    calendar = Calendar.from_ical(rally_calendar([], language_code="en"))
    assert calendar.walk("VEVENT") == []


def test_a_unicode_slug_gives_a_properly_encoded_file_name(client, embassy):
    rally = embassy["fr"]
    rally.slug = "manifestation-été"
    rally.save_revision().publish()
    rally.refresh_from_db()
    response = client.get(rally.ical_url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''manifestation-%C3%A9t%C3%A9.ics"
    )
