"""One signing contract: the API's request schema says what the form accepts.

``SignatureForm`` validates every signature (HTML form and API alike);
``SignatureRequestSerializer`` describes the API body in the schema. These tests keep
the two from drifting: the same fields, the same required ones, the same lengths, and
the HTML form on the page posts exactly those fields.
"""

import re

import pytest
from rest_framework import serializers

from actions.api.serializers import SignatureRequestSerializer
from actions.forms import SignatureForm


def test_the_schema_describes_exactly_the_forms_fields():
    assert set(SignatureRequestSerializer().fields) == set(SignatureForm.base_fields)


@pytest.mark.parametrize("name", list(SignatureForm.base_fields))
def test_each_field_has_the_same_rule_in_the_schema(name):
    form_field = SignatureForm.base_fields[name]
    schema_field = SignatureRequestSerializer().fields[name]
    assert schema_field.required == form_field.required, name
    form_max = getattr(form_field, "max_length", None)
    schema_max = getattr(schema_field, "max_length", None)
    if isinstance(schema_field, serializers.ChoiceField | serializers.BooleanField):
        return
    if form_max is not None and name != "country":
        assert schema_max == form_max, name


def test_the_country_is_a_two_letter_code_in_both():
    assert SignatureForm.base_fields["country"].max_length == 2
    assert SignatureRequestSerializer().fields["country"].max_length in (None, 2)


@pytest.mark.django_db
def test_the_html_form_posts_the_forms_fields_with_its_limits(client):
    from actions.models import UrgentActionPage

    page = UrgentActionPage.objects.filter(locale__language_code="en").first()
    html = client.get(page.url).content.decode()
    form = html[html.index("<form") : html.index("</form>")]
    names = set(re.findall(r'name="([a-z_]+)"', form)) - {"csrfmiddlewaretoken"}
    assert names == set(SignatureForm.base_fields)
    # Country names in the reader's language, the codes as values.
    assert '<option value="BE">' in form
    for name, field in SignatureForm.base_fields.items():
        tag = re.search(rf'<(?:input|select)[^>]*name="{name}"[^>]*>', form).group()
        if field.required and name != "website":
            assert "required" in tag, name
        if (
            getattr(field, "max_length", None)
            and "<input" in tag
            and 'type="text"' in tag
        ):
            assert f'maxlength="{field.max_length}"' in tag, name
