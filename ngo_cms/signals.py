"""Signals the apps send for one another.

``translation_source_updated`` is sent after a source page or snippet was published and
its wagtail-localize ``TranslationSource`` was brought up to date, so that translations
see the new and changed segments. Receivers (the translators' notifications) get:

- ``sender``: the source's model class;
- ``instance``: the published source object (a specific page or a snippet);
- ``translation_source``: the updated ``wagtail_localize.models.TranslationSource``;
- ``changed``: a dict mapping each target ``Locale`` whose translation is now out of
  date to the list of new or changed source strings (plain text) it must translate;
- ``user``: the user who published, or ``None``.

It is sent inside the publishing transaction: receivers that mail must do so after
commit (``ngo_cms.mail.send_after_commit`` does).
"""

from django.dispatch import Signal

translation_source_updated = Signal()

#: Sent by the actions app when a signature of a campaign was confirmed, inside the
#: confirming transaction. Receivers (the webhooks' milestones) get ``instance``, the
#: urgent action page confirmed on; ``count``, the campaign's confirmed signatures
#: in every language; and ``goal``, its signature goal or ``None``. Counts only:
#: nothing about the signer.
signature_count_changed = Signal()
