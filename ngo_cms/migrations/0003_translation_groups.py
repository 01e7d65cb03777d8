"""The translators' and reviewers' groups of each language other than English.

Only the groups and their team links are created here; their permissions (the
language's page tree, snippets, the review workflow) depend on content that a fresh
database does not have yet and are given by ``ngo_cms.translation_roles``, run after
every migrate and by ``manage.py setup_translation_roles``.
"""

from django.db import migrations

TEAMS = [
    ("nl", "translator", "Dutch translators"),
    ("nl", "reviewer", "Dutch reviewers"),
    ("fr", "translator", "French translators"),
    ("fr", "reviewer", "French reviewers"),
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    TranslationTeam = apps.get_model("ngo_cms", "TranslationTeam")
    for language_code, role, name in TEAMS:
        if TranslationTeam.objects.filter(
            language_code=language_code, role=role
        ).exists():
            continue
        group, _created = Group.objects.get_or_create(name=name)
        TranslationTeam.objects.create(
            group=group, language_code=language_code, role=role
        )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[name for _code, _role, name in TEAMS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ngo_cms", "0002_translation_teams_and_assignments"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
