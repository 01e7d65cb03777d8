"""Public pages render per language without JavaScript; the admin speaks nl and fr."""

import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/en/", "en", "Standing with people at risk"),
        ("/nl/", "nl", "Naast mensen in gevaar"),
        ("/fr/", "fr", "Aux côtés des personnes en danger"),
        ("/nl/zaken/", "nl", "Gevangenen"),
        ("/fr/rassemblements/", "fr", "Rassemblements"),
    ],
)
def test_public_page_renders_in_its_language(client, path, lang, text):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{text}</h1>" in html


def test_home_page_links_to_its_translations(client):
    html = client.get("/en/").content.decode()
    assert 'href="/nl/" hreflang="nl"' in html
    assert 'href="/fr/" hreflang="fr"' in html


def test_unprefixed_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_unknown_page_is_404(client):
    assert client.get("/nl/bestaat-niet/").status_code == 404


@pytest.mark.parametrize(("language", "marker"), [("nl", "Pagina's"), ("fr", "Pages")])
def test_admin_offers_dutch_and_french_interfaces(
    admin_client, admin_user, language, marker
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    html = admin_client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    assert marker in html
