"""The "Campaigners" group: staff who may see and export who signed the petitions.

The permission is created here rather than left to post_migrate, so the group can
hold it on a fresh database.
"""

from django.db import migrations

GROUP_NAME = "Campaigners"
PERMISSION = "view_signature_report"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    signature_type, _ = ContentType.objects.get_or_create(
        app_label="actions", model="signature"
    )
    report, _ = Permission.objects.get_or_create(
        content_type=signature_type,
        codename=PERMISSION,
        defaults={"name": "Can see signature reports and export them"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(report)
    # Campaigners log in to the admin to reach the report.
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin = Permission.objects.filter(
        content_type=admin_type, codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0003_rally_page_and_organisation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
