"""The signatures report: who may see it, its figures, chart and exports."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from actions.models import UrgentActionPage
from actions.reports import build_report, chart_svg, export_csv
from tests.factories.actions import SignatureFactory, UrgentActionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action() -> UrgentActionPage:
    return UrgentActionPage.objects.get(
        locale__language_code="en", slug="iran-stop-executing-protesters"
    )


@pytest.fixture
def editor(django_user_model):
    """An ordinary editor: admin access, page permissions, not a campaigner."""
    user = django_user_model.objects.create_user("editor", password="pw-editor-1")
    # Wagtail's own migrations create the Editors group with admin access.
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def campaigner(django_user_model):
    user = django_user_model.objects.create_user("campaigner", password="pw-camp-1")
    user.groups.add(Group.objects.get(name="Campaigners"))
    return user


def report_url(action: UrgentActionPage, **query: str) -> str:
    url = reverse("actions_signature_report", args=[action.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_campaigners_group_exists_with_the_report_permission():
    group = Group.objects.get(name="Campaigners")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_signature_report", "access_admin"} <= codenames


@pytest.mark.parametrize("fmt", [None, "csv", "xlsx"])
def test_ordinary_editor_is_refused(client, editor, action, fmt):
    client.force_login(editor)
    query = {"format": fmt} if fmt else {}
    response = client.get(report_url(action, **query))
    # Wagtail answers a refused admin user with a redirect to the dashboard (not to
    # the login page, which would mean the editor never got into the admin at all).
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("wagtailadmin_home"),
    )
    assert b"example.org" not in response.content
    index = client.get(reverse("actions_signature_reports"))
    assert (index.status_code, index["Location"]) == (302, reverse("wagtailadmin_home"))


def test_anonymous_visitor_is_sent_to_the_login(client, action):
    response = client.get(report_url(action))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_campaigner_sees_counts_per_locale_country_and_the_chart(
    client, campaigner, action
):
    client.force_login(campaigner)
    response = client.get(report_url(action))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    assert "https://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )
    report = response.context["report"]
    assert report.total == action.signature_count
    assert {code for code, _n in report.per_locale} == {"en", "nl", "fr"}
    assert dict(report.per_country)["BE"] >= 1


def test_report_index_lists_each_campaign_once(client, campaigner, action):
    client.force_login(campaigner)
    response = client.get(reverse("actions_signature_reports"))
    assert response.status_code == 200
    pages = [page for page, _count in response.context["rows"]]
    assert [p.translation_key for p in pages].count(action.translation_key) == 1


def test_superuser_downloads_csv_that_parses_back(admin_client, action):
    SignatureFactory(
        translation_key=action.translation_key, first_name="=cmd()", locale="fr"
    )
    response = admin_client.get(report_url(action, format="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"].startswith("max-age=0")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == action.signature_count
    assert {row["locale"] for row in rows} == {"en", "nl", "fr"}
    assert "'=cmd()" in {row["first_name"] for row in rows}


def test_campaigner_downloads_xlsx_that_parses_back(client, campaigner, action):
    client.force_login(campaigner)
    response = client.get(report_url(action, format="xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("first_name", "last_name", "email")
    assert len(rows) - 1 == action.signature_count
    assert all(row[2].endswith("@example.org") for row in rows[1:])


def test_report_counts_per_day_and_locale(action):
    report = build_report(action.translation_key)
    assert sum(sum(c.values()) for c in report.per_day.values()) == report.total
    svg = chart_svg(report.per_day, ["en", "nl", "fr"])
    assert svg.startswith("<svg") and svg.count("<rect") > 3


def test_export_only_holds_this_campaign(action):
    other = UrgentActionPageFactory(parent=action.get_parent())
    SignatureFactory(translation_key=other.translation_key, email="other@example.org")
    rows = export_csv(other.translation_key).decode("utf-8-sig").splitlines()
    assert len(rows) == 2
    assert "other@example.org" in rows[1]


def test_report_names_countries_and_languages_in_the_campaigners_language(
    client, campaigner, action
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(campaigner)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(campaigner)
    html = client.get(report_url(action)).content.decode()
    assert "België (BE)" in html
    assert "Frans (fr)" in html


def test_reports_and_exports_count_only_confirmed_signatures(
    client, campaigner, action
):
    SignatureFactory(
        translation_key=action.translation_key,
        email="unconfirmed@example.org",
        confirmed_at=None,
    )
    csv_text = export_csv(action.translation_key).decode("utf-8-sig")
    assert "unconfirmed@example.org" not in csv_text
    report = build_report(action.translation_key)
    assert report.total == action.signature_count
    assert report.pending == 1
    client.force_login(campaigner)
    html = client.get(report_url(action)).content.decode()
    assert "Awaiting confirmation (not counted, deleted if never confirmed): 1." in html


def test_xlsx_export_survives_control_characters_and_keeps_values_intact(
    admin_client, action
):
    """One stored name with an escape character once made the export answer 500."""
    odd = "Ann\x1bBob\x07"
    SignatureFactory(
        translation_key=action.translation_key,
        first_name=odd,
        last_name='=HYPERLINK("http://x")',
        email="xlsx@example.org",
    )
    response = admin_client.get(report_url(action, format="xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows() if r[2].value == "xlsx@example.org")
    # OOXML's own escapes (which Excel decodes) bring every character back.
    assert unescape(row[0].value) == odd
    # A formula-like value is a text cell, unaltered, never a formula.
    assert row[1].data_type == "s"
    assert row[1].value == '=HYPERLINK("http://x")'


def test_csv_export_defuses_formulas_but_never_alters_addresses(action):
    SignatureFactory(
        translation_key=action.translation_key,
        first_name="+SUM(A1)",
        email="-dash@example.org",
    )
    rows = list(
        csv.DictReader(
            io.StringIO(export_csv(action.translation_key).decode("utf-8-sig"))
        )
    )
    row = next(r for r in rows if r["first_name"] == "'+SUM(A1)")
    assert row["email"] == "-dash@example.org"
