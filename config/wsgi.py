import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from config.absolute_form import AbsoluteFormMiddleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = AbsoluteFormMiddleware(get_wsgi_application())

# The URLconf now (Django would load it, and every view module with it, at the first request),
# then the 240,000 objects loaded so far go to the permanent generation: Python's full garbage
# collections, one every few batches of statements, no longer traverse the code and settings
# that live as long as the worker (they took about 7 % of a batch POST's CPU).
get_resolver().url_patterns  # noqa: B018
gc.freeze()
