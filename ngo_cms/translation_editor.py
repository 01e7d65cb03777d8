"""Hand-over from wagtail-localize's translation editor, for translators.

wagtail-localize's editor offers "Publish" to those who may publish; a translator
without that right is left with "Stop Synced translation" and "Convert to alias
page" (its React footer makes the last action it lists the main button). For those
users the editor template (``wagtail_localize/admin/edit_translation.html``) hides
that footer and shows its own, whose buttons post one of the actions below to the
same edit URL; :func:`hand_over` (a ``before_edit_page`` hook run before
wagtail-localize's) carries them out:

- **Save draft**: the translated text is written onto the page as a new revision
  (untranslated segments keep the source text, as wagtail-localize does), nothing is
  published;
- **Submit for review**: the same, then the page's moderation workflow (the
  language's "Translation review" workflow, ``ngo_cms.translation_roles``) starts and
  the language's reviewers are told by mail.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from ngo_cms.translation_guards import translation_of

SAVE_DRAFT = "ngo-save-draft"
SUBMIT_FOR_REVIEW = "ngo-submit-for-review"


def submit_for_review(request: HttpRequest, page: Page) -> bool:
    """Save ``page``'s translation as a revision and start its review workflow.

    Adds a message for the user either way.

    Returns:
        True when the page is now in review.
    """
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("This language has no review workflow yet."))
        return False
    if page.workflow_in_progress:
        messages.warning(request, _("This translation is already in review."))
        return False
    translation = translation_of(page)
    try:
        with transaction.atomic():
            if translation is not None:
                translation.save_target(user=request.user, publish=False)
                page.refresh_from_db()
            elif page.latest_revision is None:
                page.save_revision(user=request.user)
            workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation has errors to fix first: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return False
    messages.success(
        request, _("“%(title)s” was submitted for review.") % {"title": page.title}
    )
    return True


def save_draft(request: HttpRequest, page: Page) -> bool:
    """Write the translated text onto ``page`` as a draft revision."""
    translation = translation_of(page)
    if translation is None:
        return False
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation has errors to fix first: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return False
    page.refresh_from_db()
    messages.success(
        request,
        _("Draft of “%(title)s” saved; it is not published.") % {"title": page.title},
    )
    return True


def hand_over(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The ``before_edit_page`` hook behind the editor's "Save draft" and "Submit for
    review" buttons; any other request goes on to wagtail-localize's editor."""
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    if action not in (SAVE_DRAFT, SUBMIT_FOR_REVIEW):
        return None
    if translation_of(page) is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if action == SAVE_DRAFT:
        save_draft(request, page)
    else:
        submit_for_review(request, page)
    return redirect(request.path)
