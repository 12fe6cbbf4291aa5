from django.urls import path
from django.utils.translation import pgettext_lazy

from . import reports, views

app_name = "selfcheck"
urlpatterns = [
    path(pgettext_lazy("URL", "home-office-check/"), views.check, name="check"),
    path(pgettext_lazy("URL", "home-office-check/result/"), views.result, name="result"),
    # For the CISO and Ressort-ISB, beside the compliance reports.
    path(
        pgettext_lazy("URL", "compliance/home-office-check/"),
        reports.aggregate_report,
        name="report",
    ),
]
