"""Background tasks of the actions app: the mails to signers.

The task receives a signature's id and reads the address itself, so the task
queue's stored arguments and results (django-tasks' database backend keeps them)
hold no address, and a signature erased meanwhile is simply not mailed.
"""

from __future__ import annotations

import smtplib
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from ngo_cms.conf import app_settings
from ngo_cms.mail import render_mail

CONFIRM_TEMPLATE = "actions/mail/confirm_signature"
ALREADY_SIGNED_TEMPLATE = "actions/mail/already_signed"


class MailNotSent(Exception):
    """Sending failed; the message names the error type only, never an address."""


def confirmation_link(page: object, token: str) -> str:
    """The absolute address of the confirmation link for ``token`` on ``page``.

    ``SIGNING_CONFIRM_URL`` sends signers to a headless front end instead
    (``{locale}``, ``{slug}`` and ``{token}`` are filled in); the front end then
    posts the token to the API's confirmation endpoint.
    """
    template = app_settings.SIGNING_CONFIRM_URL
    if template:
        return template.format(
            locale=page.locale.language_code, slug=page.slug, token=quote(token)
        )
    return (page.full_url or "") + page.reverse_subpage("confirm", args=[token])


@task()
def send_signature_mail(signature_id: int) -> str:
    """Mail the owner of a signature: the confirmation link while it is pending,
    or a note that they had already signed.

    Returns:
        Which mail went out ("confirm", "already_signed") or "skipped" when the
        signature or its page is gone; stored as the task's result.
    """
    from actions.models import Signature, UrgentActionPage
    from actions.signing import make_token

    signature = Signature.objects.filter(pk=signature_id).first()
    if signature is None:
        return "skipped"
    pages = UrgentActionPage.objects.live().filter(
        translation_key=signature.translation_key, alias_of__isnull=True
    )
    page = (
        pages.filter(locale__language_code=signature.locale).first()
        or pages.order_by("pk").first()
    )
    if page is None:
        return "skipped"
    context = {"page": page, "first_name": signature.first_name}
    if signature.is_confirmed:
        kind, template = "already_signed", ALREADY_SIGNED_TEMPLATE
        context["page_url"] = page.full_url
    else:
        kind, template = "confirm", CONFIRM_TEMPLATE
        context["confirm_url"] = confirmation_link(page, make_token(signature))
        context["valid_hours"] = app_settings.SIGNING_CONFIRM_MAX_AGE // 3600
    subject, text, html = render_mail(template, context, signature.locale)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[signature.email],
    )
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        # SMTP errors quote the recipient; the task result keeps the error.
        raise MailNotSent(type(error).__name__) from None
    return kind
