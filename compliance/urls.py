from django.urls import path
from django.utils.translation import pgettext_lazy

from . import learner_views
from .certificates import views as certificate_views
from .reports import views as report_views

app_name = "compliance"
urlpatterns = [
    path(
        pgettext_lazy("URL", "obligations/<int:obligation_id>/confirm/"),
        learner_views.confirm,
        name="confirm",
    ),
    path(
        pgettext_lazy("URL", "obligations/confirmation-<int:seq>.pdf"),
        learner_views.confirmation_pdf_view,
        name="confirmation_pdf",
    ),
    path(
        pgettext_lazy("URL", "obligations/certificate-<int:seq>.pdf"),
        certificate_views.certificate_pdf_view,
        name="certificate_pdf",
    ),
    # Public, without sign-in: the answer for a certificate's verification code.
    path(
        pgettext_lazy("URL", "certificates/verify/"),
        certificate_views.verify_certificate,
        name="verify_certificate",
    ),
    # Compliance reports (CISO, Datenschutzbeauftragte, Ressort-ISB)
    path(pgettext_lazy("URL", "compliance/"), report_views.dashboard, name="reports"),
    path(
        pgettext_lazy("URL", "compliance/trend/"), report_views.trend_report, name="reports_trend"
    ),
    path(
        pgettext_lazy("URL", "compliance/ressorts/<str:code>/"),
        report_views.ressort_report,
        name="reports_ressort",
    ),
    path(
        pgettext_lazy("URL", "compliance/ressorts/<str:code>/dienststellen/<int:pk>/"),
        report_views.dienststelle_report,
        name="reports_dienststelle",
    ),
    path(
        pgettext_lazy("URL", "compliance/overdue/"),
        report_views.overdue_report,
        name="reports_overdue",
    ),
    path(
        pgettext_lazy("URL", "compliance/overdue.csv"),
        report_views.overdue_csv,
        name="reports_overdue_csv",
    ),
    path(
        pgettext_lazy("URL", "compliance/overdue.xlsx"),
        report_views.overdue_xlsx,
        name="reports_overdue_xlsx",
    ),
    path(
        pgettext_lazy("URL", "compliance/figures.csv"),
        report_views.figures_csv,
        name="reports_csv",
    ),
    path(
        pgettext_lazy("URL", "compliance/figures.xlsx"),
        report_views.figures_xlsx,
        name="reports_xlsx",
    ),
    path(
        pgettext_lazy("URL", "compliance/report.pdf"), report_views.report_pdf, name="reports_pdf"
    ),
]
