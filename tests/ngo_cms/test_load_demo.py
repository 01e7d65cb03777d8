"""``load_demo`` builds the trilingual site, and running it twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from ngo_cms.models import HomePage

pytestmark = pytest.mark.django_db


def tree_snapshot() -> list[tuple]:
    """What a visitor and an editor see of the tree: locale, URL, title, type, state."""
    return sorted(
        (
            page.locale.language_code,
            page.url_path,
            page.title,
            page.specific_class.__name__,
            page.live,
            page.translation_key,
        )
        for page in Page.objects.filter(depth__gt=1).select_related("locale")
    )


def test_home_page_exists_in_three_locales_as_translations(home_pages):
    assert set(home_pages) == {"en", "nl", "fr"}
    keys = {page.translation_key for page in home_pages.values()}
    assert len(keys) == 1
    assert Site.objects.get(is_default_site=True).root_page.specific == home_pages["en"]


@pytest.mark.parametrize(
    ("locale", "paths"),
    [
        ("en", ["/en/", "/en/cases/", "/en/actions/", "/en/rallies/"]),
        ("nl", ["/nl/", "/nl/zaken/", "/nl/acties/", "/nl/manifestaties/"]),
        ("fr", ["/fr/", "/fr/affaires/", "/fr/agir/", "/fr/rassemblements/"]),
    ],
)
def test_sections_have_translated_slugs_and_are_live(locale, paths):
    home = HomePage.objects.get(locale__language_code=locale)
    urls = [home.url] + [section.url for section in home.get_sections()]
    assert urls == paths


def test_running_load_demo_twice_gives_the_same_tree():
    before = tree_snapshot()
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert tree_snapshot() == before
    assert not Page.objects.filter(has_unpublished_changes=True).exists()


def test_load_demo_prints_admin_url_api_url_and_login(client):
    output = StringIO()
    call_command("load_demo", stdout=output)
    text = output.getvalue()
    assert "/admin/" in text
    assert "/api/v1/" in text
    login_line = next(line for line in text.splitlines() if "Login:" in line)
    username, password = login_line.split("Login:")[1].strip().split(" / ")
    assert client.login(username=username, password=password)
    assert client.get("/admin/").status_code == 200


def test_wagtails_welcome_page_is_gone():
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()
