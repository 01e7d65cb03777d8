"""WSGI entry point (gunicorn ngo_cms.wsgi); production settings by default."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ngo_cms.settings.production")

application = get_wsgi_application()
