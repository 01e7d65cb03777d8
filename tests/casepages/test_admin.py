"""Editors create, edit, publish, filter and search cases in the Wagtail admin."""

import datetime
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from casepages.models import CaseIndexPage, PrisonerCasePage, Theme
from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db

LISTING_URL = "/admin/prisoner_cases/"


def portrait() -> Image:
    """A real (tiny) PNG stored as a Wagtail image."""
    buffer = BytesIO()
    PillowImage.new("RGB", (40, 50), (120, 30, 30)).save(buffer, format="PNG")
    return Image.objects.create(
        title="Test portrait", file=ImageFile(buffer, name="test-portrait.png")
    )


def case_form_data(**overrides) -> dict:
    """The POST data of a complete case as the admin form sends it."""
    theme = Theme.objects.get(locale__language_code="en", slug="torture")
    data = {
        "title": "Narges Example",
        "slug": "narges-example",
        "name_original_script": "",
        "portrait": portrait().pk,
        "portrait_alt_text": "A woman in a blue scarf",
        "photo_credit": "Family photo",
        "born_on": "1972-04-21",
        "nationalities": ["IR", "FR"],
        "occupation": "Journalist",
        "country_of_detention": "IR",
        "status": "detained",
        "detained_since": "2021-11-16",
        "place_of_detention": "Evin prison",
        "charges": "Spreading propaganda",
        "sentence": "",
        "summary": "A journalist held for her reporting.",
        "body": streamfield([]),
        "themes": [theme.pk],
        "timeline": streamfield(
            [
                (
                    "event",
                    {
                        "date": "2021-11-01",
                        "date_precision": "month",
                        "kind": "arrest",
                        "title": "Arrested at home",
                        "text": "Security agents take her away. [1]",
                    },
                )
            ]
        ),
        "sources": streamfield(
            [
                (
                    "source",
                    {
                        "title": "Case file",
                        "publisher": "Amnesty International",
                        "url": "https://www.amnesty.org/",
                        "date": "",
                    },
                )
            ]
        ),
        "updates": streamfield([]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "seo_title": "",
        "search_description": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    # Multiple-choice fields post one value per choice, which nested_form_data
    # would turn into numbered keys.
    lists = {key: data.pop(key) for key in ("nationalities", "themes")}
    return {**nested_form_data(data), **lists}


def add_url(case_index) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=("casepages", "prisonercasepage", case_index.pk),
    )


def test_editor_creates_and_publishes_a_case_through_the_admin(
    admin_client, case_index
):
    response = admin_client.post(add_url(case_index), case_form_data())
    assert response.status_code == 302, response.context["form"].errors
    page = PrisonerCasePage.objects.get(slug="narges-example")
    assert page.live
    assert page.get_parent().specific == case_index
    assert page.country_of_detention.code == "IR"
    assert [country.code for country in page.nationalities] == ["FR", "IR"]
    assert page.timeline[0].value["date"] == datetime.date(2021, 11, 1)
    assert page.sources[0].value["url"] == "https://www.amnesty.org/"
    assert [theme.slug for theme in page.themes.all()] == ["torture"]
    assert page.portrait.title == "Test portrait"
    assert admin_client.get(page.url).status_code == 200


def test_editor_edits_the_status_and_publishes(admin_client, djalali):
    page = djalali["en"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form_html = admin_client.get(edit_url).content.decode()
    for tab in ("Person", "Case", "Timeline", "Sources and updates", "Promote"):
        assert f">{tab}<" in form_html or f"{tab}\n" in form_html
    data = case_form_data(
        title=page.title,
        slug=page.slug,
        status="released",
    )
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == "released"
    assert page.live and not page.has_unpublished_changes


def test_case_form_offers_only_the_themes_of_the_page_language(admin_client):
    dutch_index = CaseIndexPage.objects.get(locale__language_code="nl")
    html = admin_client.get(add_url(dutch_index)).content.decode()
    assert "Doodstraf" in html
    assert "Peine de mort" not in html


def test_a_validation_error_is_shown_in_the_editor_language(
    admin_client, admin_user, case_index
):
    UserProfile.get_for_user(admin_user)
    UserProfile.objects.filter(user=admin_user).update(preferred_language="nl")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = admin_client.post(
        add_url(case_index), case_form_data(detained_since=tomorrow.isoformat())
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De pagina kon niet aangemaakt worden vanwege validatiefouten." in html
    assert "De datum van detentie kan niet in de toekomst liggen." in html
    assert not PrisonerCasePage.objects.filter(slug="narges-example").exists()


def test_listing_filters_cases_by_status_and_country(admin_client, case_index):
    PrisonerCasePageFactory(
        parent=case_index, title="Released In Belarus", status="released"
    )
    by_status = admin_client.get(LISTING_URL, {"status": "released"})
    assert by_status.status_code == 200
    assert "Released In Belarus" in by_status.content.decode()
    assert "Ahmadreza Djalali" not in by_status.content.decode()

    by_country = admin_client.get(LISTING_URL, {"country_of_detention": "IR"})
    html = by_country.content.decode()
    assert "Ahmadreza Djalali" in html
    assert "Released In Belarus" not in html


def test_listing_searches_names_and_summaries(admin_client, case_index):
    PrisonerCasePageFactory(parent=case_index, title="Maria Kolesnikova")
    response = admin_client.get(LISTING_URL, {"q": "Kolesnikova"})
    html = response.content.decode()
    assert "Maria Kolesnikova" in html
    assert "Ahmadreza Djalali" not in html


def test_site_search_finds_a_case_by_its_body_text(djalali):
    results = PrisonerCasePage.objects.live().filter(locale=djalali["en"].locale)
    assert list(results.search("haematologist")) == [djalali["en"]]
    assert Page.objects.live().search("hematoloog").count() >= 1
