"""``load_demo`` builds the trilingual site, and running it twice changes nothing."""

from collections.abc import Iterator
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
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


class FormFields(HTMLParser):
    """The named inputs and selects of a page, with their current values."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("file", "submit"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def test_the_demo_admin_can_save_their_account_preferences(client):
    """Issue 9: saving the account form failed for want of a last name."""
    user = get_user_model().objects.get(username="admin")
    assert user.first_name and user.last_name
    client.force_login(user)
    fields = FormFields()
    fields.feed(client.get("/admin/account/").content.decode())
    fields.values["locale-preferred_language"] = "nl"
    response = client.post("/admin/account/", fields.values)
    assert response.status_code == 302
    user.wagtail_userprofile.refresh_from_db()
    assert user.wagtail_userprofile.preferred_language == "nl"


def test_an_existing_admin_keeps_their_password_and_name():
    user = get_user_model().objects.get(username="admin")
    user.set_password("my-own-secret")
    user.first_name, user.last_name = "Ada", "Lovelace"
    user.save()
    output = StringIO()
    call_command("load_demo", stdout=output)
    user.refresh_from_db()
    assert user.check_password("my-own-secret")
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")
    assert "password is unchanged" in output.getvalue()
    assert "my-own-secret" not in output.getvalue()


def test_load_demo_refuses_under_production_settings(settings):
    settings.DEBUG = False
    settings.NGO_CMS_ALLOW_DEMO = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo", stdout=StringIO())


@pytest.fixture
def host_page() -> Iterator[Page]:
    """A page of someone else's site, beside the demo."""
    root = Page.get_first_root_node()
    yield root.add_child(instance=Page(title="Our own home", slug="our-home"))
    # Wagtail caches the sites' root paths, and the rollback does not reach the
    # cache: later tests would compute URLs from this test's site.
    cache.clear()


def test_load_demo_refuses_on_a_database_with_content_it_did_not_create(host_page):
    before = tree_snapshot()
    with pytest.raises(CommandError, match="Our own home"):
        call_command("load_demo", stdout=StringIO())
    assert tree_snapshot() == before


def test_forced_load_demo_leaves_the_hosts_pages_and_site_alone(host_page):
    site = Site.objects.get(is_default_site=True)
    site.root_page = host_page
    site.site_name = "Our site"
    site.save()
    call_command("load_demo", "--force", stdout=StringIO())
    host_page.refresh_from_db()
    assert host_page.title == "Our own home"
    site.refresh_from_db()
    assert (site.root_page_id, site.site_name) == (host_page.pk, "Our site")
