"""The signature form: what a signer fills in, validated with translated messages.

Strict on purpose: text fields take only text (a JSON list or number is refused,
not turned into its Python spelling), without control characters (they break
exports and terminals, and no name needs one), and consents take only JSON
booleans or, from an HTML form, the checkbox's own value.
"""

import unicodedata
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

TOO_LONG = _(
    "Keep this to %(limit_value)d characters or fewer (it has %(show_value)d)."
)
NOT_TEXT = _("Send this field as text.")
CONTROL_CHARACTERS = _("Remove the control characters from this field.")
# What a ticked HTML checkbox sends (the browser's default value, and ours).
CHECKBOX_VALUE = "on"
# A spreadsheet reads a cell that starts with one of these as a formula: refused at
# the start of an address, so that exports never need to alter one.
FORMULA_STARTS = ("=", "+", "-", "@")


def has_control_characters(value: str) -> bool:
    """Whether ``value`` holds a control character or a lone surrogate.

    Format characters (right-to-left marks, zero-width joiners) are allowed:
    Persian and Arabic names need them.
    """
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in value)


class TextMixin:
    """Only text, and no control characters, in a form field."""

    def to_python(self, value: Any) -> Any:
        # An empty list or object is no more text than a full one: only None
        # (left out) and strings pass.
        if value is not None and not isinstance(value, str):
            raise forms.ValidationError(NOT_TEXT, code="not_text")
        value = super().to_python(value)
        if isinstance(value, str) and has_control_characters(value):
            raise forms.ValidationError(CONTROL_CHARACTERS, code="control_characters")
        return value


class TextField(TextMixin, forms.CharField):
    """A single line of text a signer types."""


class StrictEmailField(TextMixin, forms.EmailField):
    """An email address, as text."""


class RawCheckboxInput(forms.CheckboxInput):
    """A checkbox widget that hands the submitted value over unchanged.

    Django's own turns any non-empty string into ``True`` ("no" included), before
    the field could refuse it.
    """

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)


class CountryCodeField(TextField):
    """An ISO 3166 country code; people choose it from a menu of country names in
    their language, API clients send the code."""

    widget = forms.Select

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # A menu has no maxlength; the two letters are checked on submission.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class ConsentField(forms.BooleanField):
    """A consent: a JSON ``true``/``false``, or an HTML checkbox (ticked or absent).

    ``"0"``, ``"no"``, ``"off"`` or ``"false"`` are not consent, but neither are
    they a clear refusal: they get an error rather than a guess.
    """

    widget = RawCheckboxInput
    json = False

    def to_python(self, value: Any) -> bool:
        if self.json:
            if value is None or isinstance(value, bool):
                return bool(value)
            raise forms.ValidationError(_("Send true or false."), code="not_boolean")
        if value in (None, ""):
            return False
        if value == CHECKBOX_VALUE:
            return True
        raise forms.ValidationError(
            _("Tick the box or leave it empty."), code="not_checkbox"
        )


class SignatureForm(forms.Form):
    """One signature on a petition, as the public form or the API sends it.

    ``website`` is a honeypot: hidden from people, filled in by bots. The signing
    service drops such submissions before this form is validated.

    Args:
        data: the submitted fields.
        json: ``True`` when they come from a JSON body (consents are then JSON
            booleans), ``False`` for a form post (HTML checkbox values).
    """

    first_name = TextField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={
            "required": _("Please give your first name."),
            "max_length": TOO_LONG,
        },
    )
    last_name = TextField(
        label=_("Last name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={
            "required": _("Please give your last name."),
            "max_length": TOO_LONG,
        },
    )
    email = StrictEmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please give your email address."),
            "invalid": _("Enter a valid email address, such as name@example.org."),
            "max_length": TOO_LONG,
        },
    )
    country = CountryCodeField(
        label=_("Country"),
        widget=forms.Select(attrs={"autocomplete": "country"}),
        max_length=2,
        error_messages={
            "required": _("Please choose your country."),
            "max_length": _("Choose a country from the list."),
        },
    )
    postcode = TextField(
        label=_("Postcode"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    consent_privacy = ConsentField(
        label=_(
            "I have read the privacy notice and agree that my signature is stored."
        ),
        error_messages={
            "required": _("You must accept the privacy notice to sign."),
        },
    )
    consent_contact = ConsentField(
        label=_("You may contact me about this and other actions."),
        required=False,
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self, data: Any = None, *, json: bool = False, initial: Any = None
    ) -> None:
        super().__init__(data, initial=initial, label_suffix="")
        # A JSON client sends exactly what the API's schema says (ISO 3166 codes in
        # capitals); a person typing in the HTML form may use lower case.
        self.json = json
        for name in ("consent_privacy", "consent_contact"):
            self.fields[name].json = json

    @classmethod
    def for_page(
        cls, data: Any = None, errors: dict[str, list[str]] | None = None
    ) -> "SignatureForm":
        """The form as the page shows it: the fields the signer filled in and the
        signing service's messages, without validating again.

        Args:
            data: what was posted (the text fields are shown again, never the
                consents: a signer ticks them again knowingly).
            errors: the messages of :func:`actions.signing.sign_petition`, by field.
        """
        text = ("first_name", "last_name", "email", "country", "postcode")
        initial = {
            name: data.get(name)
            for name in text
            if data and isinstance(data.get(name), str)
        }
        if initial.get("country"):
            initial["country"] = initial["country"].strip().upper()
        form = cls(initial=initial)
        form.fields["country"].widget.choices = [
            ("", _("Choose your country")),
            *countries,
        ]
        # The messages are the service's, already in the signer's language.
        form._errors = forms.utils.ErrorDict(
            {
                name: form.error_class(messages)
                for name, messages in (errors or {}).items()
            }
        )
        return form

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if email.startswith(FORMULA_STARTS):
            raise forms.ValidationError(
                self.fields["email"].error_messages["invalid"], code="invalid"
            )
        return email

    def clean_country(self) -> str:
        given = self.cleaned_data["country"]
        code = given if self.json else given.strip().upper()
        if code not in countries:
            raise forms.ValidationError(
                _("Choose a country from the list."), code="unknown_country"
            )
        return code
