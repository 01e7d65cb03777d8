"""Who translates and reviews which language, and translation assignments."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('ngo_cms', '0001_home_page'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TranslationAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField()),
                ('due_date', models.DateField(blank=True, null=True, verbose_name='due date')),
                ('assigned_at', models.DateTimeField(auto_now=True, verbose_name='assigned at')),
                ('assigned_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='assigned by')),
                ('assignee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translation_assignments', to=settings.AUTH_USER_MODEL, verbose_name='assigned to')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('locale', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale', verbose_name='language')),
            ],
            options={
                'verbose_name': 'translation assignment',
                'verbose_name_plural': 'translation assignments',
                'indexes': [models.Index(fields=['due_date'], name='assignment_due_date')],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'translation_key', 'locale'), name='one_assignment_per_translation')],
            },
        ),
        migrations.CreateModel(
            name='TranslationTeam',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(help_text='A content language of the site, e.g. “nl”.', max_length=20, verbose_name='language')),
                ('role', models.CharField(choices=[('translator', 'translator'), ('reviewer', 'reviewer')], max_length=20, verbose_name='role')),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='translation_team', to='auth.group', verbose_name='group')),
            ],
            options={
                'verbose_name': 'translation team',
                'verbose_name_plural': 'translation teams',
                'constraints': [models.UniqueConstraint(fields=('language_code', 'role'), name='one_team_per_language_and_role')],
            },
        ),
    ]
