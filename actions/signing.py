"""Signing a petition, and confirming a signature: the one place for both rules.

The API and the page's own HTML form both call :func:`sign_petition`, and the
confirmation page and its API endpoint both call :func:`confirm_signature`.

Double opt-in: a new signature is stored as pending, and a mail to the address
carries a link (a signed, expiring token) that confirms it; only confirmed
signatures count. The answer to a signing request is the same for a new address, an
address that is pending or already signed, and a bot caught by the honeypot, and it
carries no count. The owner of an address that already signed gets a mail saying
so; nobody else learns anything. New and repeated addresses cost the same work: one
``INSERT … ON CONFLICT DO NOTHING`` (no error, so nothing lands in the database's
log) and the look-up of the row that holds the address (on PostgreSQL both in one
statement), one task enqueued with the row's id (never the address), and one round
trip to the throttle's cache. Nothing here logs personal data.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, QuerySet, Value
from django.db.models.constants import OnConflict
from django.db.models.functions import Lower, Trim
from django.db.models.sql.subqueries import InsertQuery
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions import throttle
from actions.choices import SigningStatus
from actions.forms import SignatureForm
from ngo_cms.conf import app_settings
from ngo_cms.signals import signature_count_changed

if TYPE_CHECKING:
    from actions.models import Signature, UrgentActionPage

HONEYPOT_FIELD = "website"
NON_FIELD_ERRORS = "__all__"
TOKEN_SALT = "actions.signature.confirm"  # noqa: S105 - a salt, not a password


@dataclass
class SigningResult:
    """What happened to one attempt to sign.

    ``status`` is one of "pending", "dropped", "invalid", "closed" and "not_open".
    Front ends must show "dropped" exactly like "pending" (the API does). ``errors``
    maps a field name (or "__all__") to messages in the signer's language.
    """

    status: str
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the signer should be asked to check their mail (bots too)."""
        return self.status in (SigningStatus.PENDING, SigningStatus.DROPPED)


class InvalidToken(Exception):
    """A confirmation token that is forged, for another campaign, or expired.

    ``expired`` tells the two apart, so the page can suggest signing again.
    """

    def __init__(self, *, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _language(action: UrgentActionPage, language_code: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language_code if language_code in codes else action.locale.language_code


def sign_petition(
    action: UrgentActionPage,
    data: Mapping[str, Any],
    *,
    language_code: str,
    client: str | None = None,
    json: bool = False,
) -> SigningResult:
    """Validate one signature and store it as pending, or drop it silently.

    Safe inside an outer transaction (no savepoint needed: the insert cannot fail
    on a repeated address). The confirmation or "you already signed" mail is
    enqueued when the transaction commits.

    Args:
        action: the action page in any language; signatures go to its campaign.
        data: the submitted fields (``first_name``, ``last_name``, ``email``,
            ``country``, ``postcode``, ``consent_privacy``, ``consent_contact`` and
            the honeypot ``website``).
        language_code: the language the person signs in; messages and mails use it.
        client: the client's address for the throttle (``None``: not throttled, for
            callers that are not a request).
        json: whether ``data`` came from a JSON body (consents are JSON booleans)
            rather than a form post (HTML checkbox values).

    Returns:
        The outcome. It never tells whether the address had signed.

    Raises:
        throttle.Throttled: the client or the campaign is over its limit.
        throttle.ThrottleUnavailable: the throttle's cache is unreachable.
    """
    language_code = _language(action, language_code)
    with translation.override(language_code):
        result, cleaned = _check(action, data, json=json)
    if client is not None:
        # One round trip to the throttle's cache: the client and the campaign for
        # every request; the address only for a signature about to be stored, and
        # only while the client and the campaign are under their limits.
        address = None
        if cleaned is not None:
            email = cleaned["email"].strip().lower()
            address = {"address": f"{action.translation_key}:{email}"}
        wait, address_over = throttle.hit_gated(
            {"client": client, "campaign": str(action.translation_key)}, address
        )
        if wait is not None:
            raise throttle.Throttled(wait)
        if address_over:
            # Over the address's limit: the usual answer, but no row and no mail,
            # so nobody can flood a mailbox (nor learn that others tried it).
            return SigningResult(SigningStatus.DROPPED)
    if cleaned is not None:
        _store(action, cleaned, language_code)
    return result


def _check(
    action: UrgentActionPage, data: Mapping[str, Any], *, json: bool
) -> tuple[SigningResult, dict[str, Any] | None]:
    """The outcome of a signing request, and the cleaned data when a signature is
    to be stored (``None`` otherwise). Touches neither the database nor the cache.
    """
    honeypot = data.get(HONEYPOT_FIELD)
    if honeypot is not None and not isinstance(honeypot, str):
        # Not what a browser or the API's schema sends: an error, as for any field
        # of the wrong type (the same for every address).
        return SigningResult(
            SigningStatus.INVALID, {HONEYPOT_FIELD: [_("Leave this field empty")]}
        ), None
    state = action.signing_state(timezone.now())
    if state == "not_open":
        return SigningResult(
            SigningStatus.NOT_OPEN,
            {NON_FIELD_ERRORS: [_("This action is not open for signing yet.")]},
        ), None
    if state == "closed":
        return SigningResult(
            SigningStatus.CLOSED,
            {NON_FIELD_ERRORS: [_("This action is closed: signing has ended.")]},
        ), None
    form = SignatureForm(data, json=json)
    if not form.is_valid():
        errors = {
            name: [str(message) for message in messages]
            for name, messages in form.errors.items()
            if name != HONEYPOT_FIELD
        }
        return SigningResult(SigningStatus.INVALID, errors), None
    # A bot filled in the hidden field: the answer of a valid signature, with
    # nothing stored or mailed (checked after validation, so that the answer to
    # data that is not valid never depends on it).
    if (honeypot or "").strip():
        return SigningResult(SigningStatus.DROPPED), None
    return SigningResult(SigningStatus.PENDING), form.cleaned_data


def _store(
    action: UrgentActionPage, cleaned: dict[str, Any], language_code: str
) -> None:
    """Insert the signature unless the address is already in the campaign, then
    enqueue the mail for whichever row holds the address.

    The same statements run whether the address is new, pending or confirmed; the
    task decides which mail to send from the row's status.
    """
    from actions.models import Signature
    from actions.tasks import send_signature_mail

    email = cleaned["email"].strip()
    signature = Signature(
        translation_key=action.translation_key,
        first_name=cleaned["first_name"].strip(),
        last_name=cleaned["last_name"].strip(),
        email=email,
        country=cleaned["country"],
        postcode=cleaned.get("postcode", "").strip(),
        locale=language_code,
        consent_privacy=True,
        consent_contact=bool(cleaned.get("consent_contact")),
    )
    # The row that holds the address now, found with the database's own
    # normalisation (the same expression as the generated column).
    holder = Signature.objects.filter(
        translation_key=action.translation_key,
        email_normalised=Lower(Trim(Value(email, output_field=CharField()))),
    ).order_by()
    connection = connections[Signature.objects.db]
    if connection.vendor == "postgresql":
        pk = _insert_or_find(connection, signature, holder)
    else:
        # ON CONFLICT DO NOTHING: a repeated address is not an error (which the
        # database would log with the row's values), just no new row.
        Signature.objects.bulk_create([signature], ignore_conflicts=True)
        pk = holder.values_list("pk", flat=True).first()
    if pk is not None:
        transaction.on_commit(lambda: send_signature_mail.enqueue(pk))


def _insert_or_find(
    connection: BaseDatabaseWrapper, signature: Signature, holder: QuerySet
) -> int | None:
    """PostgreSQL: one statement, one round trip, for new and repeated addresses
    alike: ``INSERT … ON CONFLICT DO NOTHING RETURNING id`` in a CTE, and the id of
    the row that already held the address when nothing was inserted.

    No transaction is opened (a single statement is atomic): no BEGIN and COMMIT
    round trips. The SQL is Django's own (the insert compiler and the look-up's
    queryset), so the fields are prepared as ``bulk_create`` would.
    """
    model = type(signature)
    meta = model._meta
    fields = [
        field
        for field in meta.concrete_fields
        if not field.generated and field is not meta.pk
    ]
    insert = InsertQuery(model, on_conflict=OnConflict.IGNORE)
    insert.insert_values(fields, [signature])
    compiler = insert.get_compiler(connection=connection)
    compiler.returning_fields = [meta.pk]
    [(insert_sql, insert_params)] = compiler.as_sql()
    select_sql, select_params = (
        holder.values_list("pk").query.get_compiler(connection=connection).as_sql()
    )
    pk_column = connection.ops.quote_name(meta.pk.column)
    # Both parts are Django's compiled SQL with bound parameters: nothing of the
    # signer's is in the text.
    sql = f"WITH new AS ({insert_sql}) SELECT {pk_column} FROM new UNION ALL ({select_sql}) LIMIT 1"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, (*insert_params, *select_params))
        row = cursor.fetchone()
    return row[0] if row else None


def make_token(signature: Signature) -> str:
    """The token of the confirmation link: the signature's id, signed and dated.

    Base64-encoded (URL-safe, unpadded), so that it is one path segment of letters,
    digits, ``-`` and ``_``, the only characters Wagtail's page URLs accept.
    """
    signed = signing.TimestampSigner(salt=TOKEN_SALT).sign(str(signature.pk))
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _unwrap(token: str) -> str:
    """The signed value inside a token, or InvalidToken."""
    try:
        padded = token + "=" * (-len(token) % 4)
        return base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
    except (ValueError, UnicodeError):
        raise InvalidToken from None


def confirm_signature(action: UrgentActionPage, token: str) -> int:
    """Confirm the signature behind ``token`` on the campaign of ``action``.

    Confirming twice is harmless (the second time changes nothing).

    Returns:
        The campaign's count of confirmed signatures afterwards.

    Raises:
        InvalidToken: the token is forged, expired, for another campaign, or its
            signature was erased or purged.
    """
    from actions.models import Signature

    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(
            _unwrap(token), max_age=app_settings.SIGNING_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired:
        raise InvalidToken(expired=True) from None
    except signing.BadSignature:
        raise InvalidToken from None
    if not value.isdigit():
        raise InvalidToken
    rows = Signature.objects.filter(
        pk=int(value), translation_key=action.translation_key
    )
    updated = rows.filter(confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    if not updated and not rows.exists():
        raise InvalidToken
    count = action.signature_count
    if updated:
        signature_count_changed.send(
            sender=type(action),
            instance=action,
            count=count,
            goal=action.signature_goal or None,
        )
    return count
