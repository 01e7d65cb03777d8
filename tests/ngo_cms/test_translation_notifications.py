"""Translators and reviewers get mail, in their admin language, through real SMTP."""

import datetime
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from casepages.models import CaseIndexPage
from ngo_cms.models import TranslationAssignment
from tests.factories.casepages import PrisonerCasePageFactory

from .translation_helpers import make_member, publish_source_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna():
    """A Dutch translator who reads the admin in Dutch."""
    return make_member("Dutch translators", "anna", "nl")


@pytest.fixture
def camille():
    """A French translator who reads the admin in French."""
    return make_member("French translators", "camille", "fr")


def test_a_source_change_mails_each_translator_once_with_what_changed(
    smtp_server, django_capture_on_commit_callbacks, djalali, anna, camille
):
    from django.contrib.auth.models import Group

    anna.groups.add(Group.objects.get(name="French translators"))
    with django_capture_on_commit_callbacks(execute=True):
        publish_source_change(
            djalali["en"], summary="Sentenced to death after a forced confession."
        )

    [dutch] = smtp_server.to("anna@example.org")
    assert dutch["Subject"].strip() == "Opnieuw te vertalen: „Ahmadreza Djalali”"
    text = smtp_server.text(dutch)
    assert "Sentenced to death after a forced confession." in text
    assert "Dutch" not in text and "Nederlands" in text  # both languages, in Dutch
    assert "Frans" in text
    [french] = smtp_server.to("camille@example.org")
    assert french["Subject"].strip() == "À retraduire : « Ahmadreza Djalali »"
    assert "Sentenced to death after a forced confession." in smtp_server.text(french)
    assert len(smtp_server.messages) == 2


def test_nothing_is_mailed_when_the_publish_rolls_back(
    smtp_server, django_capture_on_commit_callbacks, djalali, anna
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                publish_source_change(djalali["en"], summary="Never published.")
                raise RuntimeError
        except RuntimeError:
            pass
    assert smtp_server.messages == []


def test_an_assignment_mails_the_assignee_in_their_language(
    client, smtp_server, django_capture_on_commit_callbacks, djalali, anna
):
    reviewer = make_member("Dutch reviewers", "ruud", "en")
    client.force_login(reviewer)
    url = reverse(
        "ngo_cms_translation_assign",
        args=[ContentType.objects.get_for_model(Page).pk, djalali["en"].pk, "nl"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"assignee": anna.pk, "due_date": "2031-03-05"})
    assert response.status_code == 302
    assignment = TranslationAssignment.objects.get()
    assert (assignment.assignee, assignment.due_date) == (
        anna,
        datetime.date(2031, 3, 5),
    )
    [mail] = smtp_server.to("anna@example.org")
    assert (
        mail["Subject"].strip()
        == "Graag vertalen: „Ahmadreza Djalali” in het Nederlands"
    )
    text = smtp_server.text(mail)
    assert "5 maart 2031" in text
    assert "Ruud Tester" in text


def test_only_the_languages_translators_can_be_assigned(
    client, djalali, camille, django_capture_on_commit_callbacks
):
    reviewer = make_member("Dutch reviewers", "ruud", "en")
    client.force_login(reviewer)
    url = reverse(
        "ngo_cms_translation_assign",
        args=[ContentType.objects.get_for_model(Page).pk, djalali["en"].pk, "nl"],
    )
    response = client.post(url, {"assignee": camille.pk, "due_date": ""})
    assert response.status_code == 200
    assert "assignee" in response.context["form"].errors
    assert not TranslationAssignment.objects.exists()


def test_the_daily_digest_lists_due_and_overdue_work(
    smtp_server, django_capture_on_commit_callbacks, anna, locales
):
    index = CaseIndexPage.objects.get(locale__language_code="en")
    soon = PrisonerCasePageFactory(parent=index, title="Due Soon")
    later = PrisonerCasePageFactory(parent=index, title="Due Much Later")
    page_type = ContentType.objects.get_for_model(Page)
    from django.utils import timezone

    today = timezone.localdate()
    for page, due in (
        (soon, today + datetime.timedelta(days=2)),
        (later, today + datetime.timedelta(days=60)),
    ):
        TranslationAssignment.objects.create(
            content_type=page_type,
            translation_key=page.translation_key,
            locale=locales["nl"],
            assignee=anna,
            due_date=due,
        )
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_translation_digest", stdout=out)
    assert "1 digest" in out.getvalue()
    [mail] = smtp_server.to("anna@example.org")
    assert mail["Subject"].strip() == "1 vertaling met naderende deadline"
    text = smtp_server.text(mail)
    assert "Due Soon" in text
    assert "nog niet begonnen" in text
    assert "Due Much Later" not in text


def test_reviewers_get_one_mail_when_work_is_submitted(
    client, smtp_server, django_capture_on_commit_callbacks, djalali, anna
):
    reviewer = make_member("Dutch reviewers", "ruud", "fr")
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(anna)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ngo_cms_translation_submit", args=[djalali["nl"].pk]))
    mails = smtp_server.to("ruud@example.org")
    assert len(mails) == 1  # ours, not Wagtail's as well
    assert (
        mails[0]["Subject"].strip() == "À relire : « Ahmadreza Djalali » en néerlandais"
    )
    assert "Anna Tester" in smtp_server.text(mails[0])
    assert smtp_server.to("anna@example.org") == []
    assert reviewer.pk
