"""Let the database compute ``Signature.email_normalised`` (lower-cased, trimmed).

Until now ``save()`` filled it in, so ``bulk_create()``, ``update()`` or raw SQL
could store a duplicate address that the unique constraint would not see. A column
cannot be altered into a generated one, so the constraint and the column are
dropped and re-created; existing rows get their value from the database. Going
back, the old column is re-created and filled in before its constraint returns.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower, Trim


def fill_normalised_emails(apps, schema_editor):
    """Reverse only: give the re-created plain column its values again."""
    Signature = apps.get_model("actions", "Signature")
    Signature.objects.update(email_normalised=Lower(Trim("email")))


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0004_campaigners_group"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="signature",
            name="unique_signature_email_per_campaign",
        ),
        # A default lets the reverse re-create the plain column on existing rows.
        migrations.AlterField(
            model_name="signature",
            name="email_normalised",
            field=models.CharField(default="", editable=False, max_length=254),
        ),
        migrations.RunPython(migrations.RunPython.noop, fill_normalised_emails),
        migrations.RemoveField(
            model_name="signature",
            name="email_normalised",
        ),
        migrations.AddField(
            model_name="signature",
            name="email_normalised",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Lower(
                    django.db.models.functions.text.Trim("email")
                ),
                output_field=models.CharField(max_length=254),
            ),
        ),
        migrations.AddConstraint(
            model_name="signature",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "email_normalised"),
                name="unique_signature_email_per_campaign",
            ),
        ),
    ]
