"""Every message the API shows to clients, lazily translated.

Kept in one module so that the contract tests can check that each one has a Dutch
and a French translation in ``locale/``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

UNKNOWN_LOCALE = _(
    "“%(locale)s” is not a language of this site. Use one of: %(choices)s."
)
UNKNOWN_SLUG = _("There is no published page “%(slug)s” in this language.")
UNKNOWN_PATH = _("There is no published page at “%(path)s”.")
MISSING_PATH = _("Give the public path of a page in the “path” parameter, e.g. /en/.")
NOT_FOUND = _("There is nothing at this address of the API.")
BAD_CHOICE = _(
    "“%(value)s” is not a valid value for “%(name)s”. Use one of: %(choices)s."
)
BAD_VALUE = _("“%(value)s” is not a valid value for “%(name)s”.")
BAD_PAGE = _("“%(value)s” is not a valid page number: use a whole number from 1.")
PAGE_OUT_OF_RANGE = ngettext_lazy(
    "Page %(page)s does not exist: there is %(num_pages)s page.",
    "Page %(page)s does not exist: there are %(num_pages)s pages.",
    "num_pages",
)
BAD_PAGE_SIZE = _(
    "“%(value)s” is not a valid page size: use a whole number from 1 to %(max)s."
)
INVALID_DATA = _("Some of the data you sent is not valid.")
THROTTLED = _("Too many requests. Please try again in %(seconds)s seconds.")
THROTTLED_SOON = _("Too many requests. Please try again in a moment.")
BAD_PREVIEW_TOKEN = _(
    "This preview link is invalid or has expired. Open the preview again from the editor."
)
MISSING_PREVIEW_PARAMS = _("Give both “content_type” and “token”.")
METHOD_NOT_ALLOWED = _("The method “%(method)s” is not allowed here.")
UNSUPPORTED_MEDIA_TYPE = _("Send the data as JSON or as a form.")
PARSE_ERROR = _("The data you sent could not be read.")
TOO_LARGE = _("The data you sent is too large: send at most %(limit)s bytes.")
SIGNING_PENDING = _(
    "Thank you. Check your mailbox: your signature counts once you confirm it with "
    "the link we sent."
)
SIGNATURE_CONFIRMED = _("Thank you: your signature is confirmed and counts.")
INVALID_TOKEN = _(
    "This confirmation link is not valid. Check that you copied all of it, or sign "
    "again."
)
EXPIRED_TOKEN = _(
    "This confirmation link has expired. Sign again to receive a new one."
)
UNAVAILABLE = _(
    "The service is briefly unavailable. Please try again in %(seconds)s seconds."
)
NUL_CHARACTER = _("Addresses and parameters cannot contain NUL characters.")
SERVER_ERROR = _("Something went wrong on our side. Please try again later.")
