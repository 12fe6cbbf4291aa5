import os

from django.core.wsgi import get_wsgi_application

from config.absolute_form import AbsoluteFormMiddleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = AbsoluteFormMiddleware(get_wsgi_application())
