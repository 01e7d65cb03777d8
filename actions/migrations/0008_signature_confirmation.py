from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0007_rally_country_validated'),
    ]

    operations = [
        migrations.AddField(
            model_name='signature',
            name='confirmed_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='When the signer confirmed from the mailed link; empty: pending.', null=True, verbose_name='confirmed at'),
        ),
        migrations.AddIndex(
            model_name='signature',
            index=models.Index(condition=models.Q(('confirmed_at__isnull', False)), fields=['translation_key'], name='signature_confirmed_campaign'),
        ),
        migrations.AddConstraint(
            model_name='signature',
            constraint=models.CheckConstraint(condition=models.Q(('confirmed_at__isnull', True), ('confirmed_at__gte', models.F('created_at')), _connector='OR'), name='signature_confirmed_after_signed'),
        ),
    ]
