"""Rally pages: validation, listing helpers, translations, organisers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, TranslationSource

from actions.models import Organisation, RallyPage, past_rallies, upcoming_rallies
from tests.factories.actions import RallyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return RallyPage.objects.get(
        locale__language_code="en", slug="protest-iranian-embassy-djalali"
    ).get_parent()


def test_rally_must_end_after_it_starts(index):
    rally = RallyPageFactory.build()
    rally.ends_at = rally.starts_at - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        rally.clean()
    assert "ends_at" in error.value.message_dict


def test_unknown_time_zone_is_refused():
    rally = RallyPageFactory.build(time_zone="Mars/Olympus")
    with pytest.raises(ValidationError) as error:
        rally.clean_fields()
    assert "time_zone" in error.value.message_dict


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Value 'XX' is not a valid choice."),
        ("nl", "Waarde 'XX' is geen geldige keuze."),
    ],
)
def test_unknown_country_code_is_refused_with_a_clear_message(language, message):
    """The admin offers countries by name; a code from elsewhere that is no country
    is refused, in the editor's language."""
    rally = RallyPageFactory.build(country="XX")
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            rally.clean_fields()
        assert error.value.message_dict["country"] == [message]


def test_time_zone_defaults_to_brussels():
    assert RallyPage().time_zone == "Europe/Brussels"


def test_latitude_without_longitude_is_refused():
    rally = RallyPageFactory.build(latitude=50.8)
    with pytest.raises(ValidationError):
        rally.clean()


def test_upcoming_and_past_rallies_split_on_the_end_time(index):
    rally = RallyPageFactory(parent=index)
    upcoming = list(upcoming_rallies("en"))
    past = list(past_rallies("en"))
    assert rally in upcoming
    assert rally not in past
    assert [r.starts_at for r in upcoming] == sorted(r.starts_at for r in upcoming)
    assert [r.starts_at for r in past] == sorted(
        (r.starts_at for r in past), reverse=True
    )
    later = rally.ends_at + datetime.timedelta(seconds=1)
    assert rally in past_rallies("en", now=later)


def test_listing_helpers_stay_in_one_locale():
    assert {r.locale.language_code for r in upcoming_rallies("nl")} == {"nl"}
    assert {r.locale.language_code for r in past_rallies("fr")} == {"fr"}


def test_demo_rallies_have_organisers_and_local_times():
    rally = RallyPage.objects.get(
        locale__language_code="nl",
        slug="bescherm-iraanse-vluchtelingen-commissariaat-generaal",
    )
    assert rally.local_starts_at.date() == datetime.date(2024, 2, 21)
    assert rally.organisers.count() == 3
    french = Locale.objects.get(language_code="fr")
    names = {o.get_translation(french).name for o in rally.organisers.all()}
    assert "Communauté iranienne de Belgique" in names
    assert Organisation.objects.filter(locale__language_code="fr").count() >= 3


def test_rally_page_renders_with_report_and_press_links(client):
    rally = RallyPage.objects.get(
        locale__language_code="fr", slug="bruxelles-central-stop-executions"
    )
    response = client.get(rally.url)
    assert response.status_code == 200
    html = response.content.decode()
    for publisher in ("BRUZZ", "La Libre", "RTL Info", "MSN"):
        assert publisher in html
    assert rally.ical_url in html


def test_rally_index_lists_upcoming_then_past(client):
    rally = RallyPage.objects.get(
        locale__language_code="en", slug="protest-iranian-embassy-djalali"
    )
    response = client.get(rally.get_parent().url)
    assert response.status_code == 200
    assert response.context["listing"][0] == rally
    assert len(response.context["past_rallies"]) >= 2


def test_now_default_is_used_when_no_moment_given():
    assert upcoming_rallies("en").filter(ends_at__lt=timezone.now()).count() == 0


def test_press_link_addresses_are_not_offered_to_translators():
    rally = (
        RallyPage.objects.filter(locale__language_code="en")
        .exclude(press_links=[])
        .first()
    )
    assert rally is not None and rally.press_links, "the demo has a press link"
    source, _created = TranslationSource.update_or_create_from_instance(rally)
    paths = OverridableSegment.objects.filter(source=source).values_list(
        "context__path", flat=True
    )
    assert not [path for path in paths if path.startswith("press_links.")]
    dutch = rally.get_translation(Locale.objects.get(language_code="nl"))
    assert [link.value["url"] for link in dutch.specific.press_links] == [
        link.value["url"] for link in rally.press_links
    ]
