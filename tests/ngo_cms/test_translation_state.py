"""One rule says how far a page or snippet is translated, and the API shows it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from casepages.models import Theme
from ngo_cms.translation_state import (
    TranslationState,
    translation_state,
    translation_states,
)
from tests.factories.casepages import PrisonerCasePageFactory

from .translation_helpers import publish_source_change, start_translation, translate_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def case_index():
    from casepages.models import CaseIndexPage

    return CaseIndexPage.objects.get(locale__language_code="en")


def test_the_demo_translations_are_complete(djalali, locales):
    for code in ("nl", "fr"):
        state = translation_state(djalali["en"], locales[code].pk)
        assert state.state == TranslationState.COMPLETE
        assert state.total > 10
        assert state.percent == 100


def test_a_changed_source_makes_live_translations_outdated_by_the_changed_segments(
    djalali, locales
):
    publish_source_change(
        djalali["en"],
        summary="A researcher sentenced to death after a forced confession.",
    )
    state = translation_state(djalali["en"], locales["nl"].pk)
    assert state.state == TranslationState.OUTDATED
    assert state.untranslated == 1
    assert state.target_live


def test_translating_the_changes_without_publishing_is_in_progress(djalali, locales):
    publish_source_change(djalali["en"], summary="A new summary.")
    translate_all(djalali["en"], locales["nl"])
    assert (
        translation_state(djalali["en"], locales["nl"].pk).state
        == TranslationState.IN_PROGRESS
    )


def test_a_page_never_submitted_for_translation_is_missing(case_index, locales):
    page = PrisonerCasePageFactory(parent=case_index)
    state = translation_state(page, locales["fr"].pk)
    assert state.state == TranslationState.MISSING
    assert state.target_id is None


def test_an_alias_counts_as_missing(case_index, locales):
    page = PrisonerCasePageFactory(parent=case_index)
    alias = page.copy_for_translation(locales["nl"], alias=True)
    state = translation_state(page, locales["nl"].pk)
    assert state.state == TranslationState.MISSING
    assert state.target_id == alias.pk


def test_a_started_translation_is_in_progress_with_its_share_translated(
    case_index, locales
):
    page = PrisonerCasePageFactory(parent=case_index)
    start_translation(page, locales["nl"])
    state = translation_state(page, locales["nl"].pk)
    assert state.state == TranslationState.IN_PROGRESS
    assert (state.translated, state.percent) == (0, 0)
    assert state.total > 0
    translate_all(page, locales["nl"])
    assert translation_state(page, locales["nl"].pk).percent == 100


def test_a_translation_in_a_moderation_workflow_waits_for_review(
    case_index, locales, django_user_model
):
    page = PrisonerCasePageFactory(parent=case_index)
    target = start_translation(page, locales["nl"])
    user = django_user_model.objects.create_superuser("w", "w@example.org", "pw")
    workflow = Workflow.objects.create(name="Review")
    task = GroupApprovalTask.objects.create(name="Dutch review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(target, user)
    state = translation_state(page, locales["nl"].pk)
    assert state.state == TranslationState.WAITING_FOR_REVIEW
    assert state.workflow_state_id is not None


def test_snippets_follow_the_same_rule(locales):
    theme = Theme.objects.get(slug="torture", locale=locales["en"])
    assert translation_state(theme, locales["fr"].pk).state == TranslationState.COMPLETE
    publish_source_change(theme, description="Torture, and who is behind it.")
    state = translation_state(theme, locales["fr"].pk)
    assert state.state == TranslationState.OUTDATED
    assert state.untranslated == 1


def _count(sources, locales) -> int:
    with CaptureQueriesContext(connection) as queries:
        translation_states(sources, [locales["nl"].pk, locales["fr"].pk])
    return len(queries)


def test_states_take_the_same_number_of_queries_for_ten_or_fifty_sources(
    case_index, locales
):
    pages = [PrisonerCasePageFactory(parent=case_index) for _ in range(50)]
    for page in pages[::3]:
        start_translation(page, locales["nl"])
    themes = list(Theme.objects.filter(locale=locales["en"]))
    few = _count([*pages[:10], *themes[:1]], locales)
    many = _count([*pages, *themes], locales)
    assert few == many <= 6


def test_the_api_says_that_a_translation_is_outdated(client, djalali, locales):
    publish_source_change(djalali["en"], summary="A new English summary.")
    nl = client.get("/api/v1/nl/cases/ahmadreza-djalali/").json()
    assert nl["translation_state"] == "outdated"
    states = {item["locale"]: item["state"] for item in nl["translations"]}
    assert states == {"en": "complete", "nl": "outdated", "fr": "outdated"}


def test_the_api_says_that_a_translation_is_under_way(client, case_index, locales):
    page = PrisonerCasePageFactory(parent=case_index)
    start_translation(page, locales["fr"])
    body = client.get(f"/api/v1/en/cases/{page.slug}/").json()
    states = {item["locale"]: item["state"] for item in body["translations"]}
    assert states == {"en": "complete", "nl": "missing", "fr": "in_progress"}
    [french] = [item for item in body["translations"] if item["locale"] == "fr"]
    # The draft's title and address never reach readers.
    assert french["status"] == "missing"
    assert (french["title"], french["url"], french["api_url"]) == (None, None, None)
