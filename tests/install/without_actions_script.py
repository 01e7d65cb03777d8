"""Run with settings_without_actions: builds a home page and a case in code and
reports what the API and the admin answer, in report.json of the working folder."""

import json
import os
from pathlib import Path

import django

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", "tests.install.settings_without_actions"
)
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from casepages.models import CaseIndexPage, PrisonerCasePage  # noqa: E402
from ngo_cms.models import HomePage  # noqa: E402

root = Page.get_first_root_node()
home = root.add_child(
    instance=HomePage(title="Home", slug="home-en", locale=Locale.get_default())
)
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
cases = home.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
case = cases.add_child(
    instance=PrisonerCasePage(
        title="Jane Doe", slug="jane-doe", country_of_detention="SE", summary="Held."
    )
)
for page in (home, cases, case):
    page.save_revision().publish()

client = Client()
editor = get_user_model().objects.create_superuser(
    "editor", "editor@example.org", "not-used", first_name="Eva", last_name="De Vos"
)
admin = Client()
admin.force_login(editor)
report = {
    "home_subpage_types": [m._meta.label for m in HomePage.allowed_subpage_models()],
    "index": client.get("/api/v1/").json(),
    "list": client.get("/api/v1/en/cases/").status_code,
    "detail": client.get("/api/v1/en/cases/jane-doe/").status_code,
    "actions": client.get("/api/v1/en/actions/").status_code,
    "edit_case": admin.get(f"/admin/pages/{case.pk}/edit/").status_code,
    "add_case": admin.get(
        f"/admin/pages/add/casepages/prisonercasepage/{cases.pk}/"
    ).status_code,
    "page": client.get("/en/cases/jane-doe/").status_code,
}
Path("report.json").write_text(json.dumps(report), encoding="utf-8")
