"""Mails are rendered in the recipient's language and leave only after commit."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from ngo_cms.mail import send_after_commit

TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [TEMPLATES]},
    ]


@pytest.mark.django_db
def test_a_mail_reaches_a_real_smtp_server_in_the_recipients_language(
    smtp_server, test_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(
            to="vertaler@example.org",
            template="mailtest/hello",
            context={"name": "Anna"},
            language="nl",
        )

    [mail] = smtp_server.to("vertaler@example.org")
    assert mail["Subject"] == "Nederlands for Anna"
    assert smtp_server.text(mail).strip() == "Hello Anna, in nl."


@pytest.mark.django_db
def test_nothing_is_sent_when_the_transaction_rolls_back(
    smtp_server, test_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_after_commit(
                    to="x@example.org",
                    template="mailtest/hello",
                    context={"name": "X"},
                    language="fr",
                )
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    assert callbacks == []
    assert smtp_server.messages == []


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_sends_queued_mail(
    smtp_server, test_templates, settings, transactional_db
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_after_commit(
        to="queued@example.org",
        template="mailtest/hello",
        context={"name": "Q"},
        language="fr",
    )
    assert smtp_server.messages == []  # queued, not sent by the request
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--interval", "0")

    [mail] = smtp_server.to("queued@example.org")
    assert mail["Subject"] == "néerlandais for Q"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
