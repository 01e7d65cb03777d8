"""One rule decides what readers may see, and every place that shows pages obeys it.

Each test puts a draft and a private page (under a view restriction) where readers
could meet them, and checks that neither their address nor their slug shows.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from actions.models import ActionIndexPage, RallyIndexPage, UrgentActionPage
from casepages.models import CaseIndexPage, PrisonerCasePage
from example_site.demo import stream
from ngo_cms import visibility
from tests.factories.actions import RallyPageFactory, UrgentActionPageFactory
from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db


def make_private(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


@pytest.fixture
def hidden_cases():
    """A draft and a private case in the English case section."""
    index = CaseIndexPage.objects.get(locale__language_code="en")
    draft = PrisonerCasePageFactory(parent=index, slug="draft-person", live=False)
    private = PrisonerCasePageFactory(parent=index, slug="private-person")
    make_private(private)
    return draft, private


@pytest.fixture
def hidden_actions():
    index = ActionIndexPage.objects.get(locale__language_code="en")
    draft = UrgentActionPageFactory(parent=index, slug="draft-action", live=False)
    private = UrgentActionPageFactory(parent=index, slug="private-action")
    make_private(private)
    return draft, private


@pytest.fixture
def hidden_rallies():
    index = RallyIndexPage.objects.get(locale__language_code="en")
    draft = RallyPageFactory(parent=index, slug="draft-rally", live=False)
    private = RallyPageFactory(parent=index, slug="private-rally")
    make_private(private)
    return draft, private


def test_the_rule(hidden_cases, cases):
    draft, private = hidden_cases
    assert visibility.is_visible(cases["en"])
    assert not visibility.is_visible(draft)
    assert not visibility.is_visible(private)
    assert not visibility.is_visible(None)
    # Below a private page is private too.
    child_parent = CaseIndexPage.objects.get(locale__language_code="nl")
    make_private(child_parent)
    assert not visibility.is_visible(cases["nl"])
    # An expired page that publish_scheduled has not unpublished yet.
    cases["fr"].expire_at = timezone.now() - datetime.timedelta(minutes=1)
    cases["fr"].save()
    assert not visibility.is_visible(cases["fr"])
    # An untranslated alias (what wagtail-localize's synchronised tree creates).
    alias = cases["en"].create_alias(update_slug="alias-of-a-case")
    assert alias.live
    assert not visibility.is_visible(alias)
    shown = set(visibility.visible(Page.objects.all()).values_list("pk", flat=True))
    assert cases["en"].pk in shown
    assert not {draft.pk, private.pk, alias.pk, cases["nl"].pk} & shown


@pytest.mark.parametrize("kind", ["cases", "actions", "rallies"])
def test_api_lists_and_details(api, kind, hidden_cases, hidden_actions, hidden_rallies):
    hidden = {"cases": hidden_cases, "actions": hidden_actions}.get(
        kind, hidden_rallies
    )
    listing = api.get(f"/api/v1/en/{kind}/?page_size=100").content.decode()
    for page in hidden:
        assert page.slug not in listing
        assert api.get(f"/api/v1/en/{kind}/{page.slug}/").status_code == 404
        assert api.get(f"/api/v1/en/{kind}/{page.slug}/?fallback=1").status_code == 404


def test_resolve_hides_pages_and_redirects_to_them(api, hidden_cases):
    for number, page in enumerate(hidden_cases):
        path = f"/en/cases/{page.slug}/"
        assert api.get("/api/v1/resolve/", {"path": path}).status_code == 404
        Redirect.objects.create(old_path=f"/old-{number}", redirect_page=page)
        response = api.get("/api/v1/resolve/", {"path": f"/old-{number}"})
        assert response.status_code == 404
        assert page.slug not in response.content.decode()


def test_resolve_still_follows_redirects_to_public_pages(api, cases):
    Redirect.objects.create(old_path="/old-public", redirect_page=cases["en"])
    body = api.get("/api/v1/resolve/", {"path": "/old-public"}).json()
    assert body["type"] == "redirect"
    assert body["location"].endswith(f"/{cases['en'].slug}/")


def linking_case(hidden: tuple[Page, Page]) -> PrisonerCasePage:
    """The English demo case, with a call to action and a link to each page."""
    draft, private = hidden
    case = PrisonerCasePage.objects.get(
        locale__language_code="en", pk=PrisonerCasePage.objects.order_by("pk")[0].pk
    )
    case.body = stream(
        "visibility-test",
        [
            (
                "call_to_action",
                {"action": draft.pk, "label": "Sign the draft", "text": ""},
            ),
            (
                "call_to_action",
                {"action": private.pk, "label": "Sign the private", "text": ""},
            ),
            (
                "paragraph",
                f'<p><a linktype="page" id="{draft.pk}">one</a> '
                f'<a linktype="page" id="{private.pk}">two</a></p>',
            ),
        ],
    )
    case.save_revision().publish()
    return case


def test_call_to_action_blocks_and_rich_text_links(client, api, hidden_actions):
    case = linking_case(hidden_actions)
    html = client.get(case.url).content.decode()
    assert "Sign the draft" not in html
    assert "Sign the private" not in html
    assert "<a>one</a>" in html
    assert "<a>two</a>" in html
    detail = api.get(f"/api/v1/en/cases/{case.slug}/").content.decode()
    for page in hidden_actions:
        assert page.slug not in html
        assert page.slug not in detail


def test_call_to_action_to_a_public_action_is_shown(client, cases):
    action = UrgentActionPage.objects.filter(locale__language_code="en").first()
    case = cases["en"]
    case.body = stream(
        "cta",
        [("call_to_action", {"action": action.pk, "label": "Sign now", "text": ""})],
    )
    case.save_revision().publish()
    html = client.get(case.url).content.decode()
    assert f'<a href="{action.url}">Sign now</a>' in html


def test_language_switcher(client, cases):
    before = client.get(cases["en"].url).content.decode()
    assert f'href="{cases["nl"].url}"' in before
    assert f'href="{cases["fr"].url}"' in before
    cases["nl"].unpublish()
    make_private(cases["fr"])
    html = client.get(cases["en"].url).content.decode()
    assert cases["nl"].url not in html
    assert cases["fr"].url not in html
    assert 'hreflang="nl"' not in html
    assert 'hreflang="fr"' not in html


def test_section_listings(client, hidden_cases, hidden_rallies):
    for hidden, index_model in (
        (hidden_cases, CaseIndexPage),
        (hidden_rallies, RallyIndexPage),
    ):
        index = index_model.objects.get(locale__language_code="en")
        html = client.get(index.url).content.decode()
        for page in hidden:
            assert page.slug not in html
            assert page.title not in html


def test_both_ical_feeds(client, api, hidden_rallies):
    index = RallyIndexPage.objects.get(locale__language_code="en")
    feeds = [
        api.get("/api/v1/en/rallies/ical/").content.decode(),
        client.get(index.url + "ical/").content.decode(),
    ]
    assert "BEGIN:VCALENDAR" in feeds[0]
    for page in hidden_rallies:
        for feed in feeds:
            assert page.title not in feed
            assert page.slug not in feed
        assert api.get(f"/api/v1/en/rallies/{page.slug}/ical/").status_code == 404
        assert client.get(f"/en/rallies/{page.slug}/ical/").status_code in (302, 404)


def test_expired_rally_is_left_out_of_the_html_feed_and_file(client):
    index = RallyIndexPage.objects.get(locale__language_code="en")
    rally = RallyPageFactory(parent=index, slug="expired-rally")
    rally.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    rally.save()
    assert rally.title not in client.get(index.url + "ical/").content.decode()
    assert client.get(rally.url + "ical/").status_code == 404
