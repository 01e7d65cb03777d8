"""Contract of the rallies endpoints and their iCalendar files."""

import pytest
from django.utils import timezone

from ngo_cms.api import messages

from .conftest import LOCALES, message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("locale", LOCALES)
def test_rally_list_splits_upcoming_and_past(api, locale):
    from actions.models import RallyPage

    now = timezone.now()
    live = RallyPage.objects.live().filter(
        locale__language_code=locale, alias_of__isnull=True
    )
    upcoming = api.get(f"/api/v1/{locale}/rallies/?when=upcoming").json()["results"]
    past = api.get(f"/api/v1/{locale}/rallies/?when=past").json()["results"]
    assert {r["id"] for r in upcoming} == set(
        live.filter(ends_at__gte=now).values_list("pk", flat=True)
    )
    assert {r["id"] for r in past} == set(
        live.filter(ends_at__lt=now).values_list("pk", flat=True)
    )
    assert past and upcoming


def test_rally_list_rejects_an_unknown_when(api):
    response = api.get("/api/v1/fr/rallies/?when=tomorrow")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_filter"


@pytest.mark.parametrize("locale", LOCALES)
def test_rally_detail_gives_times_in_the_rally_time_zone(api, locale, rallies):
    page = rallies[locale]
    body = api.get(f"/api/v1/{locale}/rallies/{page.slug}/").json()
    assert body["starts_at"] == page.local_starts_at.isoformat()
    assert body["time_zone"] == page.time_zone
    assert {
        "organisers",
        "report",
        "press_links",
        "related_cases",
        "coordinates",
    } <= set(body)
    assert body["ical_url"] == f"/api/v1/{locale}/rallies/{page.slug}/ical/"


@pytest.mark.parametrize("locale", LOCALES)
def test_rally_ical_is_a_calendar_file(api, locale, rallies):
    page = rallies[locale]
    response = api.get(f"/api/v1/{locale}/rallies/{page.slug}/ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.startswith(b"BEGIN:VCALENDAR")
    assert b"BEGIN:VEVENT" in response.content
    assert "ETag" in response


@pytest.mark.parametrize("locale", LOCALES)
def test_rally_feed_lists_upcoming_rallies(api, locale):
    response = api.get(f"/api/v1/{locale}/rallies/ical/", HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.count(b"BEGIN:VEVENT") == 1


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_rally_ical_is_a_translated_404(api, locale):
    response = api.get(f"/api/v1/{locale}/rallies/nope/ical/")
    assert response.status_code == 404
    assert response.json()["message"] == message(
        messages.UNKNOWN_SLUG, locale, slug="nope"
    )
