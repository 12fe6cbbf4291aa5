from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "privacy"
urlpatterns = [
    path(pgettext_lazy("URL", "my-data/"), views.my_data, name="my_data"),
    path(pgettext_lazy("URL", "my-data/download.json"), views.my_data_download, name="download"),
    path(
        pgettext_lazy("URL", "privacy/processing/"),
        views.processing_record,
        name="processing",
    ),
]
