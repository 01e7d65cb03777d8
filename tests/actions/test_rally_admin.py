"""Editors type and read a rally's times in the rally's own time zone."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from actions.models import RallyPage

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def rally_form_data(rally: RallyPage, **overrides: str) -> dict:
    """The POST data of the rally edit form, as the admin sends it."""
    data = {
        "title": rally.title,
        "slug": rally.slug,
        "summary": rally.summary,
        "body": streamfield([]),
        "starts_at": "2027-03-10 18:00",
        "ends_at": "2027-03-10 19:30",
        "time_zone": "Europe/London",
        "status": "scheduled",
        "venue_name": "Outside the embassy",
        "street_address": "16 Princes Gate",
        "postcode": "SW7 1PT",
        "city": "London",
        "country": "GB",
        "latitude": "",
        "longitude": "",
        "travel_notes": "",
        "organisers": [],
        "report": streamfield([]),
        "press_links": streamfield([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
        "related_cases": inline_formset([]),
        "related_actions": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_url(rally: RallyPage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[rally.pk])


def test_times_typed_in_the_admin_are_read_in_the_rallys_time_zone(admin_client):
    rally = RallyPage.objects.filter(locale__language_code="en").first()
    response = admin_client.post(edit_url(rally), rally_form_data(rally))
    assert response.status_code == 302, response.content.decode()[:2000]
    rally.refresh_from_db()
    draft = rally.get_latest_revision_as_object()
    assert draft.starts_at == datetime.datetime(2027, 3, 10, 18, 0, tzinfo=LONDON)
    assert draft.ends_at == datetime.datetime(2027, 3, 10, 19, 30, tzinfo=LONDON)


def test_edit_form_shows_the_times_in_the_rallys_time_zone(admin_client):
    rally = RallyPage.objects.filter(locale__language_code="en").first()
    rally.time_zone = "Europe/London"
    rally.starts_at = datetime.datetime(2027, 3, 10, 18, 0, tzinfo=LONDON)
    rally.ends_at = datetime.datetime(2027, 3, 10, 19, 30, tzinfo=LONDON)
    rally.save_revision().publish()
    html = admin_client.get(edit_url(rally)).content.decode()
    assert 'value="2027-03-10 18:00"' in html
    assert 'value="2027-03-10 19:30"' in html
