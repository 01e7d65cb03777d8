"""A translator hands work over from wagtail-localize's translation editor itself.

Through the real admin: the editor of a Dutch page shows a Dutch translator "Submit
for review" as its main button and "Save draft" (never "Convert to alias page" as the
main action), and both buttons do what they say.
"""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from ngo_cms.translation_roles import workflow_name

from .translation_helpers import make_member, publish_source_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch_translator():
    return make_member("Dutch translators", "anna", "en")


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def hand_over_buttons(html: str) -> list[str]:
    """The actions of the editor's own hand-over footer, main button first."""
    footer = re.search(
        r'<footer class="[^"]*ngo-hand-over-footer.*?</footer>', html, re.S
    )
    return (
        re.findall(r'name="action" value="([^"]+)"', footer.group(0)) if footer else []
    )


def test_a_translator_sees_submit_for_review_as_the_main_button(
    client, dutch_translator, djalali
):
    client.force_login(dutch_translator)
    html = client.get(edit_url(djalali["nl"])).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor
    assert hand_over_buttons(html) == ["ngo-submit-for-review", "ngo-save-draft"]
    assert ">Submit for review<" in html and ">Save draft<" in html
    # wagtail-localize's own footer (main button "Convert to alias page" for a
    # translator) is hidden for them.
    assert re.search(r'<body[^>]*class="[^"]*ngo-hand-over', html)


@pytest.mark.parametrize(
    ("language", "submit", "draft"),
    [
        ("nl", "Ter nalezing indienen", "Concept opslaan"),
        ("fr", "Soumettre à relecture", "Enregistrer le brouillon"),
    ],
)
def test_the_hand_over_buttons_are_translated(client, djalali, language, submit, draft):
    translator = make_member("Dutch translators", "anna", language)
    client.force_login(translator)
    html = client.get(edit_url(djalali["nl"])).content.decode()
    assert submit in html
    assert draft in html


def test_a_reviewer_keeps_wagtail_localizes_publish_footer(client, djalali):
    reviewer = make_member("Dutch reviewers", "ruud", "en")
    client.force_login(reviewer)
    html = client.get(edit_url(djalali["nl"])).content.decode()
    assert hand_over_buttons(html) == []
    assert '"canPublish": true' in unescape(html)


def test_save_draft_keeps_the_live_page_and_stores_the_translation(
    client, dutch_translator, djalali
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    nl = Page.objects.get(pk=djalali["nl"].pk)
    live_revision, latest_revision = nl.live_revision_id, nl.latest_revision_id
    client.force_login(dutch_translator)
    response = client.post(edit_url(nl), {"action": "ngo-save-draft"}, follow=True)
    assert any("not published" in str(m) for m in response.context["messages"])
    nl.refresh_from_db()
    assert nl.live_revision_id == live_revision
    assert nl.latest_revision_id != latest_revision
    assert nl.latest_revision.user == dutch_translator
    assert nl.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(nl.pk)).exists()


def test_submit_for_review_from_the_editor_starts_the_languages_workflow(
    client, dutch_translator, djalali
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(dutch_translator)
    url = edit_url(djalali["nl"])
    response = client.post(url, {"action": "ngo-submit-for-review"})
    assert response.status_code == 302 and response["Location"] == url
    state = WorkflowState.objects.get(
        object_id=str(djalali["nl"].pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == workflow_name("nl")
    assert state.requested_by == dutch_translator
    assert Page.objects.get(pk=djalali["nl"].pk).has_unpublished_changes
    # Once in review, the editor says so instead of offering to submit again.
    html = client.get(url).content.decode()
    assert "ngo-submit-for-review" not in html
    assert ">In review<" in html


def test_a_translator_cannot_hand_over_another_languages_page(
    client, dutch_translator, djalali
):
    fr = djalali["fr"]
    latest = fr.latest_revision_id
    client.force_login(dutch_translator)
    for action in ("ngo-save-draft", "ngo-submit-for-review"):
        response = client.post(edit_url(fr), {"action": action})
        assert response.status_code in (302, 403)
        assert response.get("Location") != edit_url(fr)
    fr.refresh_from_db()
    assert fr.latest_revision_id == latest
    assert not WorkflowState.objects.filter(object_id=str(fr.pk)).exists()


def submitted_with_a_missing_segment(client, translator, djalali) -> WorkflowState:
    """The English summary changed; the Dutch translator submits without
    translating it."""
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(translator)
    client.post(edit_url(djalali["nl"]), {"action": "ngo-submit-for-review"})
    return WorkflowState.objects.get(
        object_id=str(djalali["nl"].pk), status=WorkflowState.STATUS_IN_PROGRESS
    )


def workflow_action(page, action: str, state: WorkflowState) -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )


def test_approving_a_translation_with_missing_segments_needs_a_confirmation(
    client, dutch_translator, djalali, django_capture_on_commit_callbacks
):
    nl = djalali["nl"]
    state = submitted_with_a_missing_segment(client, dutch_translator, djalali)
    live_revision = Page.objects.get(pk=nl.pk).live_revision_id
    client.force_login(make_member("Dutch reviewers", "ruud", "nl"))

    # The dashboard offers only the confirmed approval.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert workflow_action(nl, "approve_missing", state) in dashboard
    assert workflow_action(nl, "approve", state) not in dashboard
    assert "Goedkeuren met ontbrekende vertalingen" in dashboard

    # A plain approval, posted by hand, is refused; so is one without the box.
    client.post(workflow_action(nl, "approve", state), {"comment": ""})
    modal = client.post(
        workflow_action(nl, "approve_missing", state),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert "Vink het vakje aan" in modal.json()["html"]
    assert Page.objects.get(pk=nl.pk).live_revision_id == live_revision
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            workflow_action(nl, "approve_missing", state),
            {"comment": "", "confirm_missing": "on"},
        )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    nl = Page.objects.get(pk=nl.pk).specific
    assert nl.live_revision_id != live_revision
    assert nl.summary == "A changed English summary."


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("nl", "Publiceren met ontbrekende vertalingen"),
        ("fr", "Publier avec des traductions manquantes"),
    ],
)
def test_the_approval_confirmation_is_translated(
    client, dutch_translator, djalali, language, label
):
    state = submitted_with_a_missing_segment(client, dutch_translator, djalali)
    client.force_login(make_member("Dutch reviewers", "ruud", language))
    modal = client.get(
        workflow_action(djalali["nl"], "approve_missing", state),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert 'name="confirm_missing"' in modal.json()["html"]
    assert label in modal.json()["html"]
