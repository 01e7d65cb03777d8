"""Subscribable calendars: stable files, conditional requests, refresh hints, one
time-zone definition, places named in the feed's language; pages and API alike."""

import datetime

import pytest
from icalendar import Calendar

from actions.models import RallyIndexPage, RallyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def feeds(client) -> dict[str, str]:
    """The address of each language's feed, on the public pages and in the API."""
    addresses = {}
    for index in RallyIndexPage.objects.live().filter(alias_of__isnull=True):
        code = index.locale.language_code
        addresses[f"page-{code}"] = index.ical_url
        addresses[f"api-{code}"] = f"/api/v1/{code}/rallies/ical/"
    return addresses


def test_a_feed_is_served_inline_under_a_stable_name(client, feeds):
    for address in feeds.values():
        response = client.get(address)
        assert response.status_code == 200
        disposition = response["Content-Disposition"]
        assert disposition.startswith("inline;")
        assert str(datetime.date.today().year) not in disposition


def test_the_same_content_gives_the_same_file_and_a_304(client, feeds):
    for address in feeds.values():
        first = client.get(address)
        second = client.get(address)
        assert first.content == second.content
        assert first["ETag"] == second["ETag"]
        assert "Last-Modified" in first
        again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304


def test_dtstamp_comes_from_the_content_not_the_clock(client, feeds):
    calendar = Calendar.from_ical(client.get(feeds["page-en"]).content)
    for event in calendar.walk("VEVENT"):
        rally = RallyPage.objects.get(
            translation_key=event["UID"].split("@")[0], locale__language_code="en"
        )
        stamp = event.decoded("DTSTAMP")
        assert stamp == rally.last_published_at.replace(microsecond=0)


def test_feeds_carry_refresh_hints(client, feeds):
    calendar = Calendar.from_ical(client.get(feeds["api-nl"]).content)
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"


def test_every_file_carries_the_same_time_zone_definition(client, feeds):
    rally = RallyPage.objects.filter(locale__language_code="en").first()
    definitions = set()
    for address in [*feeds.values(), rally.ical_url]:
        calendar = Calendar.from_ical(client.get(address).content)
        for zone in calendar.walk("VTIMEZONE"):
            definitions.add(zone.to_ical())
    assert len(definitions) == 1


@pytest.mark.parametrize(
    ("code", "country"), [("en", "Belgium"), ("nl", "België"), ("fr", "Belgique")]
)
def test_the_location_names_the_country_in_the_feeds_language(client, code, country):
    response = client.get(f"/api/v1/{code}/rallies/ical/")
    (event, *_rest) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["LOCATION"]).endswith(", " + country)


def test_the_rallies_page_links_a_webcal_subscription(client):
    index = RallyIndexPage.objects.get(locale__language_code="nl")
    html = client.get(index.url).content.decode()
    assert f'href="webcal://testserver{index.ical_url}"' in html
