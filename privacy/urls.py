from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "privacy"
urlpatterns = [
    path(pgettext_lazy("URL", "my-data/"), views.my_data, name="my_data"),
    path(pgettext_lazy("URL", "my-data/download.json"), views.my_data_download, name="download"),
    path(
        pgettext_lazy("URL", "my-data/download.csv"),
        views.my_data_download_csv,
        name="download_csv",
    ),
    path(
        pgettext_lazy("URL", "my-data/download.pdf"),
        views.my_data_download_pdf,
        name="download_pdf",
    ),
    path(
        pgettext_lazy("URL", "privacy/processing/"),
        views.processing_record,
        name="processing",
    ),
]
