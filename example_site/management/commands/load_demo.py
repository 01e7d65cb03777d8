"""``manage.py load_demo``: the demo site in English, Dutch and French.

Safe to run again: pages are found by their English slug and updated, and their
translations are refreshed through wagtail-localize.

It is for development databases only, so it refuses:

- under production settings (``DEBUG`` off), unless the settings say
  ``NGO_CMS_ALLOW_DEMO = True`` (the test and benchmark settings do);
- on a database with pages it did not create (a host project's site), unless
  ``--force``; even then it adds its own home page beside the host's and leaves
  the host's pages and sites alone.

It never changes an existing user: an ``admin`` account that exists keeps its
password, name and rights.
"""

import os
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site

from example_site.demo import Catalogue, DemoContext, run_app_loaders, translate
from ngo_cms.conf import app_settings
from ngo_cms.models import HomePage

DEMO_USERNAME = "admin"
DEMO_PASSWORD_DEFAULT = "demo-admin-2026"  # noqa: S105 - printed on purpose
# The slugs of the demo's home pages: what marks a page tree as the demo's own.
DEMO_HOME_SLUGS = ("home-en", "home-nl", "home-fr")
WAGTAIL_WELCOME_SLUG = "home"


def is_wagtails_welcome_page(page: Page) -> bool:
    """The untouched "Welcome to your new Wagtail site!" page of a fresh database."""
    return (
        page.content_type_id == ContentType.objects.get_for_model(Page).pk
        and page.slug == WAGTAIL_WELCOME_SLUG
        and page.numchild == 0
    )


def foreign_pages() -> list[Page]:
    """Top-level pages that neither Wagtail's first migration nor the demo made."""
    home_type = ContentType.objects.get_for_model(HomePage)
    return [
        page
        for page in Page.objects.filter(depth=2)
        if not (
            (page.content_type_id == home_type.pk and page.slug in DEMO_HOME_SLUGS)
            or is_wagtails_welcome_page(page)
        )
    ]


def ensure_locales() -> dict[str, Locale]:
    """The en, nl and fr locales, created when missing."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "nl", "fr")
    }


def ensure_home(t: Catalogue, locales: dict[str, Locale], base_url: str) -> HomePage:
    """The English home page as the default site's root, translated into nl and fr.

    The site's host name and port come from ``base_url``, so that the canonical URLs
    the API gives point where the demo is served.
    """
    fields = {
        "title": t("Standing with people at risk"),
        "seo_title": t("Prisoner cases, urgent actions and rallies"),
        "search_description": t(
            "We document the cases of people imprisoned for who they are or what they said, and we act together for their release."
        ),
        "intro": t.paragraphs(
            t(
                "Behind every case on this site is a person: a doctor, a student, a musician, held because of their work or their words."
            ),
            t("Read their stories, sign the urgent actions and join us on the street."),
        ),
    }
    home = HomePage.objects.filter(
        locale=locales["en"], depth=2, slug=DEMO_HOME_SLUGS[0]
    ).first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(slug="home-en", locale=locales["en"], **fields)
        root.add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    # A host's site (forced run) keeps its root page, name and address.
    if (
        site.pk is None
        or site.root_page_id == home.pk
        or (is_wagtails_welcome_page(site.root_page))
    ):
        address = urlsplit(base_url)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "NGO CMS demo"
        site.save()

    # Wagtail's "Welcome to your new Wagtail site!" page has nothing to offer.
    for page in root.get_children().exclude(pk=home.pk):
        if (
            is_wagtails_welcome_page(page)
            and not Site.objects.filter(root_page=page).exists()
        ):
            page.delete()

    t("home-en")
    translate(home, t, [locales["nl"], locales["fr"]])
    return HomePage.objects.get(pk=home.pk)


class Command(BaseCommand):
    help = "Build (or refresh) the demo site in English, Dutch and French."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo beside pages it did not create (a development copy "
            "of a real site); those pages and the site settings are left alone.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or app_settings.NGO_CMS_ALLOW_DEMO):
            raise CommandError(
                "load_demo refuses to run with DEBUG off (production settings?): "
                "the demo is for development databases. Set NGO_CMS_ALLOW_DEMO = True "
                "in settings that are not production's to allow it."
            )
        foreign = foreign_pages()
        if foreign and not options["force"]:
            raise CommandError(
                "load_demo refuses: this database has pages it did not create ("
                + ", ".join(f"“{page.title}”" for page in foreign[:3])
                + (", …" if len(foreign) > 3 else "")
                + "). Use a fresh database, or --force to add the demo beside them."
            )
        catalogue = Catalogue()
        base_url = os.environ.get("DEMO_BASE_URL", "http://127.0.0.1:8000")
        with transaction.atomic():
            locales = ensure_locales()
            home = ensure_home(catalogue, locales, base_url)
            ctx = DemoContext(
                stdout=self.stdout, catalogue=catalogue, locales=locales, home=home
            )
            loaded = run_app_loaders(ctx)
            login = self.ensure_admin()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded in en, nl and fr ({', '.join(['ngo_cms', *loaded])})."
            )
        )
        self.stdout.write(f"  Site:   {base_url}/en/  {base_url}/nl/  {base_url}/fr/")
        self.stdout.write(f"  Admin:  {base_url}/admin/")
        self.stdout.write(f"  API:    {base_url}/api/v1/")
        self.stdout.write(f"  Login:  {login}")

    def ensure_admin(self) -> str:
        """Create the demo superuser if there is no ``admin`` yet; never change one.

        Returns:
            What to print after "Login:": the user name and the password when it is
            the demo's, else a note that the existing account's password stands.
        """
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD_DEFAULT)
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            # A first and a last name: Wagtail's account form requires both, so
            # an admin without them could not save their preferences.
            user_model.objects.create_superuser(
                username=DEMO_USERNAME,
                email="admin@example.org",
                password=password,
                first_name="Demo",
                last_name="Admin",
            )
        elif not check_password(password, user.password):
            return f"{DEMO_USERNAME} (an existing account: its password is unchanged)"
        return f"{DEMO_USERNAME} / {password}"
