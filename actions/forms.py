"""The signature form: what a signer fills in, validated with translated messages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

TOO_LONG = _(
    "Keep this to %(limit_value)d characters or fewer (it has %(show_value)d)."
)


class SignatureForm(forms.Form):
    """One signature on a petition, as the public form or the API sends it.

    ``website`` is a honeypot: hidden from people, filled in by bots. The signing
    service drops such submissions before this form is validated.
    """

    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        error_messages={
            "required": _("Please give your first name."),
            "max_length": TOO_LONG,
        },
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        error_messages={
            "required": _("Please give your last name."),
            "max_length": TOO_LONG,
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Please give your email address."),
            "invalid": _("Enter a valid email address, such as name@example.org."),
            "max_length": TOO_LONG,
        },
    )
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        error_messages={
            "required": _("Please choose your country."),
            "max_length": _("Choose a country from the list."),
        },
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    consent_privacy = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my signature is stored."
        ),
        error_messages={
            "required": _("You must accept the privacy notice to sign."),
        },
    )
    consent_contact = forms.BooleanField(
        label=_("You may contact me about this and other actions."),
        required=False,
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].strip().upper()
        if code not in countries:
            raise forms.ValidationError(
                _("Choose a country from the list."), code="unknown_country"
            )
        return code
