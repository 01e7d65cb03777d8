"""``manage.py load_demo``: the demo site in English, Dutch and French.

Safe to run again: pages are found by their English slug and updated, and their
translations are refreshed through wagtail-localize.
"""

import os
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from ngo_cms.demo import Catalogue, DemoContext, run_app_loaders, translate
from ngo_cms.models import HomePage

DEMO_USERNAME = "admin"
DEMO_PASSWORD_DEFAULT = "demo-admin-2026"  # noqa: S105 - printed on purpose


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
        "title": t(
            "Standing with people at risk",
            nl="Naast mensen in gevaar",
            fr="Aux côtés des personnes en danger",
        ),
        "seo_title": t(
            "Prisoner cases, urgent actions and rallies",
            nl="Gevangenen, dringende acties en manifestaties",
            fr="Prisonniers, actions urgentes et rassemblements",
        ),
        "search_description": t(
            "We document the cases of people imprisoned for who they are or what they said, and we act together for their release.",
            nl="We documenteren de zaken van mensen die gevangen zitten om wie ze zijn of wat ze zeiden, en we komen samen in actie voor hun vrijlating.",
            fr="Nous documentons les cas de personnes emprisonnées pour ce qu'elles sont ou ce qu'elles ont dit, et nous agissons ensemble pour leur libération.",
        ),
        "intro": t.paragraphs(
            t(
                "Behind every case on this site is a person: a doctor, a student, a musician, held because of their work or their words.",
                nl="Achter elke zaak op deze site staat een mens: een arts, een student, een muzikant, opgesloten om hun werk of hun woorden.",
                fr="Derrière chaque dossier de ce site, il y a une personne : un médecin, une étudiante, un musicien, détenus pour leur travail ou leurs paroles.",
            ),
            t(
                "Read their stories, sign the urgent actions and join us on the street.",
                nl="Lees hun verhaal, teken de dringende acties en kom met ons op straat.",
                fr="Lisez leur histoire, signez les actions urgentes et rejoignez-nous dans la rue.",
            ),
        ),
    }
    home = HomePage.objects.filter(locale=locales["en"], depth=2).first()
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
    address = urlsplit(base_url)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "NGO CMS demo"
    site.save()

    # Wagtail's "Welcome to your new Wagtail site!" page has nothing to offer.
    page_type = ContentType.objects.get_for_model(Page)
    root.get_children().filter(content_type=page_type, numchild=0).delete()

    t("home-en", nl="home-nl", fr="home-fr")
    translate(home, t, [locales["nl"], locales["fr"]])
    return HomePage.objects.get(pk=home.pk)


class Command(BaseCommand):
    help = "Build (or refresh) the demo site in English, Dutch and French."

    def handle(self, *args: Any, **options: Any) -> None:
        catalogue = Catalogue()
        base_url = os.environ.get("DEMO_BASE_URL", "http://127.0.0.1:8000")
        with transaction.atomic():
            locales = ensure_locales()
            home = ensure_home(catalogue, locales, base_url)
            ctx = DemoContext(
                stdout=self.stdout, catalogue=catalogue, locales=locales, home=home
            )
            loaded = run_app_loaders(ctx)
            password = self.ensure_admin()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded in en, nl and fr ({', '.join(['ngo_cms', *loaded])})."
            )
        )
        self.stdout.write(f"  Site:   {base_url}/en/  {base_url}/nl/  {base_url}/fr/")
        self.stdout.write(f"  Admin:  {base_url}/admin/")
        self.stdout.write(f"  API:    {base_url}/api/v1/")
        self.stdout.write(f"  Login:  {DEMO_USERNAME} / {password}")

    def ensure_admin(self) -> str:
        """Create or reset the demo superuser; returns its password."""
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD_DEFAULT)
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "admin@example.org", "first_name": "Demo"},
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        return password
