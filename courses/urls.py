from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "courses"
urlpatterns = [
    path(pgettext_lazy("URL", "my-training/"), views.my_training, name="my_training"),
]
