"""Mails to translators and reviewers, each in the recipient's admin language.

- a source changed (``ngo_cms.signals.translation_source_updated``): one mail per
  translator of each language now out of date, listing the new and changed text;
- a translation was assigned to someone: a mail to them;
- ``manage.py send_translation_digest`` (daily, from cron): each assignee's
  translations due soon or overdue;
- a translation was submitted to a language's review workflow: a mail to that
  language's reviewers. It replaces Wagtail's own "submitted for moderation" mail
  for these workflows only (same ``dispatch_uid``, so Wagtail does not send a
  second one); other workflows keep Wagtail's mail.

Every mail goes through :func:`ngo_cms.mail.send_after_commit`: nothing is sent if
the publish rolls back, and the request does not wait for the mail server.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ngo_cms.mail import send_after_commit
from ngo_cms.translation_roles import (
    review_language_of_task,
    reviewers_of,
    translators_of,
)

# Wagtail's dispatch_uid for its group approval "submitted" mail; connecting ours
# under the same uid first keeps Wagtail from connecting its own.
WAGTAIL_SUBMITTED_UID = "group_approval_task_submitted_email_notification"


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def language_of(user: Any) -> str:
    """The user's admin language, else the site's default language."""
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or (
        settings.LANGUAGE_CODE
    )


def language_name(code: str) -> Any:
    """The language's name, lazily: the mail renders it in the recipient's language."""
    return dict(settings.LANGUAGES).get(code, code)


# --- A source changed -------------------------------------------------------------------
def source_updated(
    sender: Any,
    instance: Any,
    translation_source: Any = None,
    changed: dict | None = None,
    user: Any = None,
    **kwargs: Any,
) -> None:
    """Tell each translator of an outdated language what changed, in one mail."""
    if not changed:
        return
    per_user: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    users = {}
    for locale, strings in changed.items():
        if not strings:
            continue
        for translator in translators_of(locale.language_code).exclude(email=""):
            if user is not None and translator.pk == user.pk:
                continue
            users[translator.pk] = translator
            per_user[translator.pk].append(
                {"language_code": locale.language_code, "strings": list(strings)}
            )
    queue_url = admin_url(reverse("ngo_cms_translation_queue"))
    for pk, languages in per_user.items():
        translator = users[pk]
        send_after_commit(
            to=translator.email,
            template="ngo_cms/mail/translation_outdated",
            context={
                "user": translator,
                "title": str(instance),
                "type": type(instance)._meta.verbose_name,
                "languages": [
                    {**item, "language": language_name(item["language_code"])}
                    for item in languages
                ],
                "queue_url": queue_url,
            },
            language=language_of(translator),
        )


# --- Assigned ---------------------------------------------------------------------------
def notify_assignment(assignment: Any, source: Any) -> None:
    """Tell the assignee what they were asked to translate, and by when."""
    assignee = assignment.assignee
    if not assignee.email:
        return
    send_after_commit(
        to=assignee.email,
        template="ngo_cms/mail/translation_assigned",
        context={
            "user": assignee,
            "title": str(source),
            "type": type(source)._meta.verbose_name,
            "language": language_name(assignment.locale.language_code),
            "due_date": assignment.due_date,
            "assigned_by": assignment.assigned_by,
            "queue_url": admin_url(reverse("ngo_cms_translation_queue") + "?mine=on"),
        },
        language=language_of(assignee),
    )


# --- Daily digest -----------------------------------------------------------------------
def send_digest(today: datetime.date | None = None, days: int = 7) -> int:
    """Mail each assignee their unfinished translations due within ``days`` days
    (overdue ones included). Returns the number of mails."""
    from django.contrib.auth import get_user_model

    from ngo_cms.translation_queue import build_queue
    from ngo_cms.translation_roles import target_languages

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days)
    per_user: dict[int, list[Any]] = defaultdict(list)
    for item in build_queue(target_languages()):
        if item.assignee_id and item.due_date and item.due_date <= horizon:
            per_user[item.assignee_id].append(item)
    users = get_user_model().objects.in_bulk(list(per_user))
    sent = 0
    for pk, items in per_user.items():
        user = users[pk]
        if not user.is_active or not user.email:
            continue
        send_after_commit(
            to=user.email,
            template="ngo_cms/mail/translation_digest",
            context={
                "user": user,
                "items": [
                    {
                        "title": item.title,
                        "type": item.source_model._meta.verbose_name,
                        "language": language_name(item.language_code),
                        "state": item.state.state,
                        "untranslated": item.state.untranslated,
                        "percent": item.state.percent,
                        "due_date": item.due_date,
                        "overdue": item.due_date < today,
                        "url": admin_url(item.action_url()),
                    }
                    for item in items
                ],
                "queue_url": admin_url(
                    reverse("ngo_cms_translation_queue") + "?mine=on"
                ),
            },
            language=language_of(user),
        )
        sent += 1
    return sent


# --- Submitted for review ---------------------------------------------------------------
def task_submitted(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    """Mail the reviewers of a translation review task; any other group approval
    task gets Wagtail's own mail."""
    task = instance.task.specific
    language_code = review_language_of_task(task)
    if language_code is None:
        from wagtail.admin.signal_handlers import task_submission_email_notifier

        task_submission_email_notifier(
            sender=sender, instance=instance, user=user, **kwargs
        )
        return
    page = instance.workflow_state.content_object
    reviewers = reviewers_of(language_code).exclude(email="")
    if user is not None:
        reviewers = reviewers.exclude(pk=user.pk)
    for reviewer in reviewers:
        send_after_commit(
            to=reviewer.email,
            template="ngo_cms/mail/translation_submitted",
            context={
                "user": reviewer,
                "title": str(page),
                "language": language_name(language_code),
                "submitted_by": user,
                "review_url": admin_url(
                    reverse("wagtailadmin_pages:edit", args=[page.pk])
                ),
            },
            language=language_of(reviewer),
        )
