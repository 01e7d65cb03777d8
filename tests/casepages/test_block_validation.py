"""Every block's validation message reaches the field in the editor's language.

A month- or year-precise date that is not on the 1st used to give an HTTP 500
(``'__proxy__' object has no attribute 'messages'``); these tests post the real admin
edit forms with the editor's admin language set to Dutch or French.
"""

import html
import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from actions.models import RallyPage
from tests.actions.test_rally_admin import rally_form_data
from tests.casepages.test_admin import case_form_data

pytestmark = pytest.mark.django_db

MESSAGES = {
    "month": {
        "nl": "Als alleen de maand bekend is, vul dan de eerste dag van die maand in",
        "fr": "Si seul le mois est connu, saisissez le premier jour de ce mois",
    },
    "year": {
        "nl": "Als alleen het jaar bekend is, vul dan 1 januari van dat jaar in",
        "fr": "Si seule l’année est connue, saisissez le 1er janvier de cette année",
    },
    "url": {"nl": "Voer een geldige URL in.", "fr": "Saisissez une URL valide."},
}


def shown(message: str, page_html: str) -> bool:
    """Whether ``message`` is on the page, as text or in the stream field's JSON."""
    text = html.unescape(page_html)
    return message in text or json.dumps(message)[1:-1] in text


def speak(user, language: str) -> None:
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)


def event(date: str, precision: str) -> list:
    return [
        (
            "event",
            {
                "date": date,
                "date_precision": precision,
                "kind": "arrest",
                "title": "Arrested",
                "text": "",
            },
        )
    ]


def update(date: str, precision: str) -> list:
    return [("update", {"date": date, "date_precision": precision, "text": "News."})]


def source(url: str) -> list:
    return [("source", {"title": "A report", "publisher": "", "url": url, "date": ""})]


CASE_CASES = {
    "timeline-month": (
        "month",
        {"timeline": streamfield(event("2016-04-24", "month"))},
    ),
    "timeline-year": ("year", {"timeline": streamfield(event("2016-04-01", "year"))}),
    "update-month": ("month", {"updates": streamfield(update("2019-06-15", "month"))}),
    "update-year": ("year", {"updates": streamfield(update("2019-06-01", "year"))}),
    "source-url": ("url", {"sources": streamfield(source("not a web address"))}),
}


@pytest.mark.parametrize("language", ["nl", "fr"])
@pytest.mark.parametrize("case", sorted(CASE_CASES))
def test_case_block_errors_show_on_the_field_in_the_editor_language(
    admin_client, admin_user, djalali, language, case
):
    speak(admin_user, language)
    page = djalali["en"]
    kind, overrides = CASE_CASES[case]
    data = case_form_data(title=page.title, slug=page.slug, **overrides)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), data
    )
    assert response.status_code == 200
    assert shown(MESSAGES[kind][language], response.content.decode())
    page.refresh_from_db()
    assert not page.has_unpublished_changes


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_rally_press_link_errors_show_on_the_field_in_the_editor_language(
    admin_client, admin_user, language
):
    speak(admin_user, language)
    rally = RallyPage.objects.filter(locale__language_code="en").first()
    press = [
        (
            "press_link",
            {"title": "Vigil", "publisher": "BRUZZ", "url": "nowhere", "date": ""},
        )
    ]
    data = rally_form_data(rally, press_links=streamfield(press))
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(rally.pk,)), data
    )
    assert response.status_code == 200
    assert shown(MESSAGES["url"][language], response.content.decode())
