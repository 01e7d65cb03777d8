"""Signatures given before double opt-in counted at once: keep counting them."""

from django.db import migrations
from django.db.models import F


def confirm_existing(apps, schema_editor):
    Signature = apps.get_model("actions", "Signature")
    Signature.objects.filter(confirmed_at__isnull=True).update(
        confirmed_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0008_signature_confirmation"),
    ]

    # Reversing keeps the dates: the field itself goes away with 0008.
    operations = [migrations.RunPython(confirm_existing, migrations.RunPython.noop)]
