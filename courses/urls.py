from django.urls import path
from django.utils.translation import pgettext_lazy

from . import cmi5, views

app_name = "courses"
urlpatterns = [
    path(pgettext_lazy("URL", "my-training/"), views.my_training, name="my_training"),
    path("cmi5/<int:pk>/exit/", cmi5.exit_session, name="cmi5_exit"),
]
