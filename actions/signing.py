"""Signing a petition: the one place that decides whether a signature counts.

The API and the page's own HTML form both call :func:`sign_petition`. Its answers
are designed so that nobody can learn who signed: an address that already signed
and a bot caught by the honeypot get the same answer as a new signer, and nothing
is stored for them. Nothing here logs personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions.choices import SigningStatus
from actions.forms import SignatureForm

if TYPE_CHECKING:
    from actions.models import UrgentActionPage

logger = logging.getLogger(__name__)
HONEYPOT_FIELD = "website"
NON_FIELD_ERRORS = "__all__"


@dataclass
class SigningResult:
    """What happened to one attempt to sign.

    ``status`` is one of "signed", "invalid", "closed", "not_open" and "dropped".
    Front ends must show "dropped" exactly like "signed". ``errors`` maps a field
    name (or "__all__") to messages in the signer's language.
    """

    status: str
    errors: dict[str, list[str]] = field(default_factory=dict)
    signature_count: int = 0

    @property
    def ok(self) -> bool:
        """Whether the signer should be thanked (also true for dropped bots)."""
        return self.status in (SigningStatus.SIGNED, SigningStatus.DROPPED)


def _language(action: UrgentActionPage, language_code: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language_code if language_code in codes else action.locale.language_code


def sign_petition(
    action: UrgentActionPage, data: Mapping[str, Any], *, language_code: str
) -> SigningResult:
    """Validate and store one signature for the campaign of ``action``.

    Safe inside an outer transaction: the insert runs in a savepoint, and the
    database's unique constraint (not a prior look-up) decides whether the address
    already signed, so concurrent signers are counted exactly.

    Args:
        action: the action page in any language; signatures go to its campaign.
        data: the submitted fields (``first_name``, ``last_name``, ``email``,
            ``country``, ``postcode``, ``consent_privacy``, ``consent_contact`` and
            the honeypot ``website``).
        language_code: the language the person signs in; error messages use it.

    Returns:
        The outcome, with the campaign's signature count afterwards. For a
        repeated address or a bot, that is the count before plus one, exactly as a
        new signer would see it.
    """
    language_code = _language(action, language_code)
    with translation.override(language_code):
        count_before = action.signature_count
        if str(data.get(HONEYPOT_FIELD) or "").strip():
            logger.info("Dropped a honeypot submission on action %s", action.pk)
            return SigningResult(
                SigningStatus.DROPPED, signature_count=count_before + 1
            )
        state = action.signing_state(timezone.now())
        if state == "not_open":
            return SigningResult(
                SigningStatus.NOT_OPEN,
                {NON_FIELD_ERRORS: [_("This action is not open for signing yet.")]},
                action.signature_count,
            )
        if state == "closed":
            return SigningResult(
                SigningStatus.CLOSED,
                {NON_FIELD_ERRORS: [_("This action is closed: signing has ended.")]},
                action.signature_count,
            )
        form = SignatureForm(data)
        if not form.is_valid():
            errors = {
                name: [str(message) for message in messages]
                for name, messages in form.errors.items()
                if name != HONEYPOT_FIELD
            }
            return SigningResult(SigningStatus.INVALID, errors, action.signature_count)
        stored = _store(action, form.cleaned_data, language_code)
        # The count in the answer grows by at least one whether or not the address
        # had signed before, so the answer itself never tells who signed.
        count_after = action.signature_count if stored else count_before + 1
        return SigningResult(
            SigningStatus.SIGNED, signature_count=max(count_after, count_before + 1)
        )


def _store(
    action: UrgentActionPage, cleaned: dict[str, Any], language_code: str
) -> bool:
    """Insert the signature; returns False if the address had already signed."""
    from actions.models import Signature

    signature = Signature(
        translation_key=action.translation_key,
        first_name=cleaned["first_name"].strip(),
        last_name=cleaned["last_name"].strip(),
        email=cleaned["email"].strip(),
        country=cleaned["country"],
        postcode=cleaned.get("postcode", "").strip(),
        locale=language_code,
        consent_privacy=True,
        consent_contact=bool(cleaned.get("consent_contact")),
    )
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        # Already signed: answer as for a new signature, store nothing.
        return False
    return True
