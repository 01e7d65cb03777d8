"""The translation queue in the admin, on the dashboard and on the command line."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from casepages.models import CaseIndexPage, PrisonerCasePage, Theme
from ngo_cms.models import TranslationAssignment
from ngo_cms.translation_queue import build_queue
from tests.factories.casepages import PrisonerCasePageFactory

from .translation_helpers import make_member, publish_source_change, start_translation

pytestmark = pytest.mark.django_db

QUEUE = "/admin/translations/queue/"


@pytest.fixture
def case_index() -> CaseIndexPage:
    return CaseIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def dutch_translator():
    return make_member("Dutch translators", "anna", "nl")


def assign(source, locale, user, due: datetime.date | None) -> TranslationAssignment:
    base = Page if isinstance(source, Page) else type(source)
    return TranslationAssignment.objects.create(
        content_type=ContentType.objects.get_for_model(base),
        translation_key=source.translation_key,
        locale=locale,
        assignee=user,
        due_date=due,
    )


def test_the_demo_site_has_nothing_to_translate():
    assert build_queue(["nl", "fr"]) == []


def test_an_outdated_page_and_a_missing_one_appear_with_their_figures(
    djalali, case_index
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    new = PrisonerCasePageFactory(parent=case_index, title="Nasrin Example")
    rows = {(i.title, i.language_code): i for i in build_queue(["nl"])}
    outdated = rows[("Ahmadreza Djalali", "nl")]
    assert outdated.state_name == "outdated"
    assert outdated.state.untranslated == 1
    assert outdated.edit_url() == reverse(
        "wagtailadmin_pages:edit", args=[djalali["nl"].pk]
    )
    missing = rows[("Nasrin Example", "nl")]
    assert missing.state_name == "missing"
    assert missing.edit_url() is None
    assert missing.type_label == str(PrisonerCasePage._meta.verbose_name)
    assert new.pk == missing.source_id


def test_due_dates_come_first_then_the_latest_change(
    case_index, locales, dutch_translator
):
    old, middle, recent = (
        PrisonerCasePageFactory(parent=case_index, title=title)
        for title in ("Old", "Middle", "Recent")
    )
    assign(old, locales["nl"], dutch_translator, datetime.date(2030, 1, 1))
    assign(middle, locales["nl"], dutch_translator, datetime.date(2029, 6, 1))
    titles = [i.title for i in build_queue(["nl"])]
    assert titles[:3] == ["Middle", "Old", "Recent"]


def test_the_admin_queue_lists_the_translators_language_only(
    client, djalali, dutch_translator
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(dutch_translator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ahmadreza Djalali" in html
    assert "Verouderd: 1 segmenten gewijzigd" in html  # in the translator's language
    assert reverse("wagtailadmin_pages:edit", args=[djalali["nl"].pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[djalali["fr"].pk]) not in html


def test_filters_narrow_the_queue(
    client, case_index, djalali, locales, dutch_translator
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    mine = PrisonerCasePageFactory(parent=case_index, title="Mine To Translate")
    PrisonerCasePageFactory(parent=case_index, title="Someone Elses")
    assign(mine, locales["nl"], dutch_translator, None)
    client.force_login(dutch_translator)
    html = client.get(QUEUE, {"mine": "on"}).content.decode()
    assert "Mine To Translate" in html
    assert "Someone Elses" not in html
    html = client.get(QUEUE, {"state": "outdated"}).content.decode()
    assert "Ahmadreza Djalali" in html
    assert "Mine To Translate" not in html
    html = client.get(QUEUE, {"type": "casepages.theme"}).content.decode()
    assert "Ahmadreza Djalali" not in html


def test_a_filter_on_a_language_the_user_does_not_work_in_is_refused(
    client, djalali, dutch_translator
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(dutch_translator)
    response = client.get(QUEUE, {"locale": "fr"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[djalali["fr"].pk]) not in html


def test_starting_a_missing_translation_opens_the_translation_editor(
    client, case_index, locales, dutch_translator
):
    page = PrisonerCasePageFactory(parent=case_index, title="To Start")
    [item] = [i for i in build_queue(["nl"]) if i.title == "To Start"]
    client.force_login(dutch_translator)
    assert client.get(item.start_url()).status_code == 200
    response = client.post(item.start_url())
    target = PrisonerCasePage.objects.get(
        translation_key=page.translation_key, locale=locales["nl"]
    )
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert not target.live
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert "header-meta--locales" in editor.content.decode()  # wagtail-localize


def test_a_french_translation_cannot_be_started_by_a_dutch_translator(
    client, case_index, locales, dutch_translator
):
    page = PrisonerCasePageFactory(parent=case_index, title="Not Yours")
    url = reverse(
        "ngo_cms_translation_start",
        args=[ContentType.objects.get_for_model(Page).pk, page.pk, "fr"],
    )
    client.force_login(dutch_translator)
    client.post(url)
    assert not PrisonerCasePage.objects.filter(
        translation_key=page.translation_key, locale=locales["fr"]
    ).exists()


def test_snippets_are_in_the_queue_too(locales):
    theme = Theme.objects.get(slug="torture", locale=locales["en"])
    publish_source_change(theme, description="Torture, and who is behind it.")
    [item] = [i for i in build_queue(["fr"]) if i.title == str(theme)]
    assert item.state_name == "outdated"
    assert item.edit_url() == reverse(
        "wagtailsnippets_casepages_theme:edit",
        args=[
            Theme.objects.get(
                translation_key=theme.translation_key, locale=locales["fr"]
            ).pk
        ],
    )


def _queue_queries(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE, {"p": 1})
    assert response.status_code == 200
    return len(queries)


def test_the_queue_takes_as_many_queries_for_100_pages_as_for_10(
    admin_client, case_index, locales, django_user_model
):
    translator = make_member("Dutch translators", "bulk", "en")
    pages = [PrisonerCasePageFactory(parent=case_index) for _ in range(10)]
    for page in pages[::2]:
        assign(page, locales["nl"], translator, datetime.date(2031, 1, 1))
    start_translation(pages[1], locales["nl"])
    admin_client.get(QUEUE)  # warm process-wide caches (content types)
    ten = _queue_queries(admin_client)
    more = [PrisonerCasePageFactory(parent=case_index) for _ in range(90)]
    for page in more[::2]:
        assign(page, locales["fr"], translator, datetime.date(2031, 1, 2))
    start_translation(more[1], locales["fr"])
    hundred = _queue_queries(admin_client)
    assert ten == hundred


def test_the_dashboard_shows_the_most_urgent_rows(client, djalali, dutch_translator):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(dutch_translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Vertaalwachtrij" in html
    assert "Ahmadreza Djalali" in html
    assert QUEUE in html  # the menu item and the panel's link


def test_the_command_prints_the_queue_as_json(djalali, case_index):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    PrisonerCasePageFactory(parent=case_index, title="Brand New")
    out = StringIO()
    call_command("translation_queue", "--locale", "nl", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    by_title = {row["title"]: row for row in rows}
    assert by_title["Ahmadreza Djalali"]["state"] == "outdated"
    assert by_title["Ahmadreza Djalali"]["untranslated"] == 1
    assert by_title["Brand New"]["state"] == "missing"
    assert {row["locale"] for row in rows} == {"nl"}


def test_the_command_refuses_an_unknown_language():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="xx"):
        call_command("translation_queue", "--locale", "xx", stdout=StringIO())


def test_the_queue_exports_as_csv_for_an_editor_of_every_language(
    admin_client, djalali
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    response = admin_client.get(QUEUE, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert text.count("Ahmadreza Djalali") == 2  # nl and fr
    assert "outdated" in text


def test_a_page_under_an_untranslated_section_can_be_started(
    client, case_index, locales, dutch_translator
):
    """wagtail-localize puts an alias of the section in the Dutch tree first."""
    section = case_index.get_parent().add_child(
        instance=CaseIndexPage(title="Archive", slug="archive")
    )
    page = PrisonerCasePageFactory(parent=section, title="Archived Case")
    url = reverse(
        "ngo_cms_translation_start",
        args=[ContentType.objects.get_for_model(Page).pk, page.pk, "nl"],
    )
    client.force_login(dutch_translator)
    response = client.post(url)
    target = PrisonerCasePage.objects.get(
        translation_key=page.translation_key, locale=locales["nl"]
    )
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert target.get_parent().alias_of_id == section.pk


def test_a_page_written_in_dutch_first_is_a_source_for_french(
    client, locales, django_user_model
):
    """A case with no English original is translated from Dutch: it is in the
    French queue (and not in the Dutch one, where it is the source)."""
    dutch_index = CaseIndexPage.objects.get(locale__language_code="nl")
    dutch_only = PrisonerCasePageFactory(parent=dutch_index, title="Alleen in NL")
    dutch_only.save_revision().publish()
    french = [item for item in build_queue(["fr"]) if item.title == "Alleen in NL"]
    assert [(item.language_code, str(item.state.state)) for item in french] == [
        ("fr", "missing")
    ]
    assert not [item for item in build_queue(["nl"]) if item.title == "Alleen in NL"]

    # Started from Dutch, the French translation is in progress against the
    # Dutch source (its segments are the Dutch text).
    start_translation(dutch_only, locales["fr"])
    (item,) = [i for i in build_queue(["fr"]) if i.title == "Alleen in NL"]
    assert str(item.state.state) == "in_progress"
    assert item.state.total > 0 and item.state.translated == 0
    fr_translator = make_member("French translators", "franck", "fr")
    client.force_login(fr_translator)
    assert "Alleen in NL" in client.get(QUEUE).content.decode()
