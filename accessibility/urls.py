from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "accessibility"
urlpatterns = [
    path(pgettext_lazy("URL", "accessibility/"), views.statement, name="statement"),
]
