"""Admin accounts: login throttling, the second factor, the export audit log, and an
admin that calls no third party. Everything goes through the real admin pages."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageLogEntry

from actions.models import UrgentActionPage
from ngo_cms.audit import EXPORT_SIGNATURES

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-good-password-2026"


@pytest.fixture
def second_factor(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def make_user(django_user_model, username: str, **fields):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    return user


@pytest.fixture
def editor(django_user_model):
    user = make_user(django_user_model, "editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def campaigner(django_user_model):
    user = make_user(django_user_model, "campaigner")
    user.groups.add(Group.objects.get(name="Campaigners"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return make_user(django_user_model, "boss", is_superuser=True, is_staff=True)


def log_in(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, **extra
    )


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


# --- Login throttling --------------------------------------------------------------
def test_thirty_wrong_passwords_then_the_right_one_is_refused(settings, editor):
    settings.AXES_ENABLED = True
    client = Client()
    for _ in range(30):
        response = log_in(client, "editor", "wrong-password")
        assert "_auth_user_id" not in client.session
    response = log_in(client, "editor", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Inloggen geblokkeerd" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_the_lockout_message_is_translated(settings, editor):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        log_in(client, "editor", "wrong-password")
    html = log_in(client, "editor", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Connexion bloquée" in html


def test_a_few_mistakes_do_not_lock_anyone_out(settings, editor):
    settings.AXES_ENABLED = True
    client = Client()
    for _ in range(3):
        log_in(client, "editor", "wrong-password")
    log_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_another_address_is_locked_out_too_for_that_user_name(settings, editor):
    """Attackers rotate addresses: the user name itself is locked."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    for n in range(5):
        log_in(Client(REMOTE_ADDR=f"10.0.0.{n}"), "editor", "wrong")
    client = Client(REMOTE_ADDR="10.0.1.1")
    assert log_in(client, "editor").status_code == 429


# --- Second factor -------------------------------------------------------------------
def test_editors_need_no_second_factor(second_factor, editor):
    client = Client()
    log_in(client, "editor")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("username", ["boss", "campaigner"])
def test_superusers_and_campaigners_must_enrol_then_verify(
    second_factor, superuser, campaigner, username
):
    client = Client()
    log_in(client, username)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()  # the QR code, drawn on this site
    device = TOTPDevice.objects.get(user__username=username)
    assert not device.confirmed
    wrong = client.post("/admin/two-factor/setup/", {"token": "000000"})
    assert wrong.status_code == 200
    assert "not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    # django-otp makes each wrong code delay the next try; this test does not wait.
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(
        "/admin/two-factor/setup/", {"token": code_for(device), "next": "/admin/"}
    )
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # A new session asks for the code of the enrolled device.
    other = Client()
    log_in(other, username)
    response = other.get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert other.get("/admin/two-factor/setup/").status_code == 302  # no 2nd device
    device.refresh_from_db()
    assert device.confirmed
    other.post("/admin/two-factor/verify/", {"token": code_for(device, 1)})
    assert other.get("/admin/").status_code == 200


def test_the_report_cannot_be_reached_without_the_second_factor(
    second_factor, campaigner
):
    client = Client()
    log_in(client, "campaigner")
    action = UrgentActionPage.objects.first()
    response = client.get(f"/admin/actions/signatures/{action.pk}/?format=csv")
    assert response.status_code == 302
    assert "two-factor" in response["Location"]


# --- Audit log -----------------------------------------------------------------------
def test_exports_are_recorded_in_the_audit_log(campaigner):
    client = Client()
    client.force_login(campaigner)
    action = UrgentActionPage.objects.first()
    for fmt in ("csv", "xlsx"):
        assert (
            client.get(
                f"/admin/actions/signatures/{action.pk}/?format={fmt}"
            ).status_code
            == 200
        )
    entries = PageLogEntry.objects.filter(action=EXPORT_SIGNATURES, page=action)
    assert sorted(e.data["format"] for e in entries) == ["csv", "xlsx"]
    assert {e.user_id for e in entries} == {campaigner.pk}
    client.get(f"/admin/actions/signatures/{action.pk}/")  # viewing is not exporting
    assert entries.count() == 2
    # Shown in the admin's history of the page.
    superuser = campaigner
    superuser.is_superuser = True
    superuser.save()
    history = client.get(f"/admin/pages/{action.pk}/history/").content.decode()
    assert "Exported the signatures (CSV)" in history


# --- No third parties ------------------------------------------------------------------
def test_the_admin_calls_no_third_party(superuser):
    client = Client()
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "releases.wagtail.io" not in html
    assert "data-w-upgrade" not in html


def test_campaigners_group_still_grants_the_report(campaigner):
    assert Permission.objects.filter(
        group__name="Campaigners", codename="view_signature_report"
    ).exists()
