"""Run inside a fresh `wagtail start mysite` project with the wheel installed (see
test_wheel.py): creates and publishes a case in code, translates it into Dutch
through wagtail-localize, and reports what the API and the Dutch admin show, in
report.json."""

import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.dev")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402
from wagtail_localize.models import TranslationSource  # noqa: E402

from casepages.models import CaseIndexPage, PrisonerCasePage  # noqa: E402

home = Site.objects.get(is_default_site=True).root_page.specific
sections_allowed_under_home = CaseIndexPage.can_create_at(home)
cases = home.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
cases.save_revision().publish()
case = cases.add_child(
    instance=PrisonerCasePage(
        title="Jane Doe",
        slug="jane-doe",
        country_of_detention="SE",
        summary="Held for what she wrote.",
    )
)
case.save_revision().publish()
dutch = Locale.objects.get(language_code="nl")
for page in (cases, case):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(
        dutch, publish=True, copy_parent_pages=True, fallback=True
    )
dutch_case = case.get_translation(dutch)

client = Client()
listing = client.get("/api/v1/nl/cases/")
detail = client.get(f"/api/v1/nl/cases/{dutch_case.slug}/")
missing = client.get("/api/v1/nl/cases/no-such-case/")

editor = get_user_model().objects.create_superuser(
    "editor", "editor@example.org", "not-used", first_name="Eva", last_name="De Vos"
)
profile = UserProfile.get_for_user(editor)
profile.preferred_language = "nl"
profile.save()
client.force_login(editor)
# A superuser's admin asks for the second factor: this one has an authenticator and
# has just given its code, as django-otp records it in the session.
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
session = client.session
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.save()
edit_form = client.get(f"/admin/pages/{case.pk}/edit/")

Path("report.json").write_text(
    json.dumps(
        {
            "sections_allowed_under_home": sections_allowed_under_home,
            "home_locales": sorted(
                page.locale.language_code
                for page in home.get_translations(inclusive=True)
            ),
            "list_status": listing.status_code,
            "list": listing.json(),
            "detail_status": detail.status_code,
            "detail": detail.json(),
            "missing_status": missing.status_code,
            "missing_type": missing["Content-Type"],
            "edit_status": edit_form.status_code,
            "edit_form": edit_form.content.decode(),
        }
    )
    + "\n",
    encoding="utf-8",
)
