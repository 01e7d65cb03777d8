"""Per-language translators and reviewers, through the real admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState

from casepages.models import Theme
from ngo_cms.models import HomePage, TranslationTeam
from ngo_cms.translation_roles import setup_translation_roles, workflow_name

from .translation_helpers import make_member, publish_source_change, translate_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch_translator():
    return make_member("Dutch translators", "anna", "nl")


@pytest.fixture
def dutch_reviewer():
    return make_member("Dutch reviewers", "ruud", "nl")


def denied(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    )


def _codenames(group: Group, page: Page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_a_migration_creates_translators_and_reviewers_per_language():
    teams = {
        (team.language_code, team.role): team.group.name
        for team in TranslationTeam.objects.select_related("group")
    }
    assert teams == {
        ("nl", "translator"): "Dutch translators",
        ("nl", "reviewer"): "Dutch reviewers",
        ("fr", "translator"): "French translators",
        ("fr", "reviewer"): "French reviewers",
    }


def test_each_team_works_in_its_own_language_tree_only():
    homes = {home.locale.language_code: home for home in HomePage.objects.all()}
    translators = Group.objects.get(name="Dutch translators")
    reviewers = Group.objects.get(name="Dutch reviewers")
    assert _codenames(translators, homes["nl"]) == {"change_page"}
    assert "publish_page" in _codenames(reviewers, homes["nl"])
    assert _codenames(translators, homes["fr"]) == set()
    assert _codenames(translators, homes["en"]) == set()
    workflow = homes["nl"].get_workflow()
    assert workflow.name == workflow_name("nl")
    [task] = workflow.tasks.all()
    assert list(task.specific.groups.all()) == [reviewers]


def test_setting_up_the_roles_again_changes_nothing():
    before = GroupPagePermission.objects.count()
    setup_translation_roles()
    setup_translation_roles()
    assert GroupPagePermission.objects.count() == before


def test_a_translator_edits_their_languages_pages_and_no_other(
    client, dutch_translator, djalali
):
    client.force_login(dutch_translator)
    edit = reverse("wagtailadmin_pages:edit", args=[djalali["nl"].pk])
    assert client.get(edit).status_code == 200
    for code in ("fr", "en"):
        response = client.get(
            reverse("wagtailadmin_pages:edit", args=[djalali[code].pk])
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_a_translator_cannot_publish(client, dutch_translator, djalali):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    before = Page.objects.get(pk=djalali["nl"].pk).last_published_at
    client.force_login(dutch_translator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[djalali["nl"].pk]),
        {"action": "publish"},
    )
    assert denied(response)
    assert Page.objects.get(pk=djalali["nl"].pk).last_published_at == before


def test_a_translator_edits_their_languages_snippet_rows_only(
    client, dutch_translator, locales
):
    client.force_login(dutch_translator)
    english = Theme.objects.get(slug="torture", locale=locales["en"])
    rows = {
        code: Theme.objects.get(
            translation_key=english.translation_key, locale=locales[code]
        )
        for code in ("en", "nl", "fr")
    }

    def edit(theme: Theme):
        return client.get(
            reverse("wagtailsnippets_casepages_theme:edit", args=[theme.pk])
        )

    assert edit(rows["nl"]).status_code == 200
    assert denied(edit(rows["fr"]))
    assert denied(edit(rows["en"]))
    response = client.post(
        reverse("wagtailsnippets_casepages_theme:edit", args=[rows["fr"].pk]),
        {"name": "Changed", "slug": "changed", "description": ""},
    )
    assert denied(response)
    rows["fr"].refresh_from_db()
    assert rows["fr"].name != "Changed"


def test_a_translator_cannot_see_signatures(client, dutch_translator):
    client.force_login(dutch_translator)
    response = client.get(reverse("actions_signature_reports"))
    assert denied(response)
    assert b"@example" not in response.content
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("actions_signature_reports") not in home


def test_a_translator_hands_a_translation_to_the_reviewers(
    client, dutch_translator, djalali
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    client.force_login(dutch_translator)
    url = reverse("ngo_cms_translation_submit", args=[djalali["nl"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        object_id=str(djalali["nl"].pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == workflow_name("nl")
    assert state.requested_by == dutch_translator
    # Still not published: the reviewers do that.
    nl = Page.objects.get(pk=djalali["nl"].pk)
    assert nl.has_unpublished_changes


def test_a_translator_cannot_submit_another_languages_page(
    client, dutch_translator, djalali
):
    client.force_login(dutch_translator)
    url = reverse("ngo_cms_translation_submit", args=[djalali["fr"].pk])
    assert denied(client.post(url))
    assert not WorkflowState.objects.filter(object_id=str(djalali["fr"].pk)).exists()


def test_a_reviewer_approves_and_the_translation_goes_live(
    client, dutch_translator, dutch_reviewer, djalali
):
    publish_source_change(djalali["en"], summary="A changed English summary.")
    translate_all(djalali["en"], djalali["nl"].locale)
    client.force_login(dutch_translator)
    client.post(reverse("ngo_cms_translation_submit", args=[djalali["nl"].pk]))
    state = WorkflowState.objects.get(
        object_id=str(djalali["nl"].pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    client.force_login(dutch_reviewer)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[djalali["nl"].pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    nl = Page.objects.get(pk=djalali["nl"].pk)
    assert not nl.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_translator_cannot_assign_but_a_reviewer_can(
    client, dutch_translator, dutch_reviewer, djalali
):
    from django.contrib.contenttypes.models import ContentType

    url = reverse(
        "ngo_cms_translation_assign",
        args=[ContentType.objects.get_for_model(Page).pk, djalali["en"].pk, "nl"],
    )
    client.force_login(dutch_translator)
    assert denied(client.get(url))
    client.force_login(dutch_reviewer)
    assert client.get(url).status_code == 200
    french = reverse(
        "ngo_cms_translation_assign",
        args=[ContentType.objects.get_for_model(Page).pk, djalali["en"].pk, "fr"],
    )
    assert denied(client.get(french))


def test_migrate_gives_the_groups_back_their_rights():
    from django.core.management import call_command

    before = GroupPagePermission.objects.count()
    GroupPagePermission.objects.filter(group__translation_team__isnull=False).delete()
    call_command("migrate", verbosity=0)
    assert GroupPagePermission.objects.count() == before


def test_a_new_home_page_gets_its_teams_rights(locales):
    from wagtail.models import Locale

    german = Locale.objects.create(language_code="de")
    TranslationTeam.objects.create(
        group=Group.objects.create(name="German translators"),
        language_code="de",
        role="translator",
    )
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Startseite", slug="startseite", locale=german)
    )
    translators = Group.objects.get(name="German translators")
    assert _codenames(translators, home) == {"change_page"}


def test_a_translator_saves_segments_of_their_languages_snippet_rows_only(
    client, dutch_translator, locales
):
    """wagtail-localize's segment API checks "change theme" for every language; a
    hand-made request for the French row is refused all the same."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    from .test_translation_guards import put_translation

    english = Theme.objects.get(slug="torture", locale=locales["en"])
    translations = {
        code: Translation.objects.get(
            source__object_id=english.translation_key,
            target_locale=locales[code],
        )
        for code in ("nl", "fr")
    }
    segment = StringSegment.objects.filter(source=translations["fr"].source).first()
    client.force_login(dutch_translator)

    refused = put_translation(client, translations["fr"], segment, "Piraté")
    assert denied(refused)
    assert not StringTranslation.objects.filter(
        locale=locales["fr"], data="Piraté"
    ).exists()
    for name in ("download_pofile", "machine_translate", "stop_translation"):
        url = reverse(f"wagtail_localize:{name}", args=[translations["fr"].pk])
        response = client.post(url) if name != "download_pofile" else client.get(url)
        assert denied(response), name
    assert Translation.objects.get(pk=translations["fr"].pk).enabled

    accepted = put_translation(client, translations["nl"], segment, "Foltering!")
    assert accepted.status_code == 200
    assert StringTranslation.objects.filter(
        locale=locales["nl"], data="Foltering!"
    ).exists()


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("nl", ["Vertalers Nederlands", "Nalezers Frans"]),
        ("fr", ["Traducteurs néerlandais", "Relecteurs français"]),
    ],
)
def test_the_teams_group_names_are_shown_in_the_admin_language(
    admin_client, admin_user, language, names
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    translator = make_member("Dutch translators", "anna")
    html = admin_client.get(
        reverse("wagtailusers_users:edit", args=[translator.pk])
    ).content.decode()
    for name in names:
        assert name in html
    assert "Dutch translators" not in html
    # A renamed group shows its own name.
    Group.objects.filter(name="Dutch translators").update(name="Vertaalploeg")
    html = admin_client.get(
        reverse("wagtailusers_users:edit", args=[translator.pk])
    ).content.decode()
    assert "Vertaalploeg" in html
