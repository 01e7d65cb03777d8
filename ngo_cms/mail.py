"""Mail to people in their own language, sent after commit by a background task.

Every mail the apps send (translators' notifications, signers' confirmations) goes
through :func:`send_after_commit`: the message is rendered at once, in the
recipient's language, from three templates (``<name>_subject.txt``, ``<name>.txt``
and, if it exists, ``<name>.html``), and handed to the task queue only when the
surrounding transaction commits. A rolled-back publish or signature therefore sends
nothing, and the web request never waits for an SMTP server.

The task runs on django-tasks' configured backend: the database backend by default
(``manage.py db_worker`` runs it), the immediate backend in tests.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def render_mail(
    template: str, context: dict[str, Any], language: str
) -> tuple[str, str, str | None]:
    """Render a mail's subject, plain text and optional HTML in ``language``.

    Args:
        template: the template path without suffix, e.g. ``"ngo_cms/mail/assigned"``.
        context: the template context.
        language: a language code of ``settings.LANGUAGES``; others fall back to
            the default language.

    Returns:
        ``(subject, text, html)``; ``html`` is ``None`` without an HTML template.
    """
    known = {code for code, _name in settings.LANGUAGES}
    language = language if language in known else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    # A subject is one line: templates end with a newline, and a header must not.
    return " ".join(subject.split()), text, html


@task()
def deliver_mail(
    to: list[str], subject: str, text: str, html: str | None = None
) -> int:
    """Send one rendered mail (the task behind :func:`send_after_commit`)."""
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def send_after_commit(
    *, to: list[str] | str, template: str, context: dict[str, Any], language: str
) -> None:
    """Render a mail now, in ``language``, and enqueue it once the transaction commits.

    Args:
        to: one address or a list of addresses (one mail, every address in To).
        template: the template path without suffix (see :func:`render_mail`).
        context: the template context (rendered now, so it may hold model objects).
        language: the recipient's language.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return
    subject, text, html = render_mail(template, context, language)
    transaction.on_commit(lambda: deliver_mail.enqueue(recipients, subject, text, html))
