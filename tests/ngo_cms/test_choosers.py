"""Choosers and snippet listings do not mix the languages' rows together.

Page forms offer themes and organisers in the page's own language only (pages link
to their source language's rows); snippet listings and chooser modals use Wagtail's
own locale filter.
"""

import pytest
from django.urls import reverse

from actions.models import Organisation, RallyIndexPage, UrgentActionPage
from casepages.models import Theme

pytestmark = pytest.mark.django_db


def names(model, code: str) -> set[str]:
    return set(
        model.objects.filter(locale__language_code=code).values_list("name", flat=True)
    )


def test_the_rally_form_offers_the_organisers_of_its_language_only(admin_client):
    index = RallyIndexPage.objects.get(locale__language_code="en")
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("actions", "rallypage", index.pk))
    ).content.decode()
    english = names(Organisation, "en")
    others = (names(Organisation, "nl") | names(Organisation, "fr")) - english
    assert english and others
    assert all(name in html for name in english)
    assert not any(f">{name}<" in html for name in others)


def test_the_action_form_offers_the_themes_of_its_language_only(admin_client):
    action = UrgentActionPage.objects.filter(locale__language_code="en").first()
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[action.pk])
    ).content.decode()
    english = names(Theme, "en")
    others = (names(Theme, "nl") | names(Theme, "fr")) - english
    assert "Torture" in english and "Foltering" in others
    assert all(name in html for name in english)
    assert not any(name in html for name in others)


@pytest.mark.parametrize(
    ("code", "shown", "hidden"),
    [("en", "Torture", "Foltering"), ("nl", "Foltering", "Torture")],
)
def test_the_theme_listing_and_chooser_filter_by_language(
    admin_client, code, shown, hidden
):
    listing = admin_client.get("/admin/snippets/casepages/theme/", {"locale": code})
    html = listing.content.decode()
    assert shown in html and hidden not in html
    chooser = admin_client.get(
        "/admin/snippets/choose/casepages/theme/", {"locale": code}
    )
    body = (
        chooser.json()["html"]
        if chooser["Content-Type"].startswith("application/json")
        else chooser.content.decode()
    )
    assert shown in body and hidden not in body
