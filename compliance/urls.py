from django.urls import path
from django.utils.translation import pgettext_lazy

from . import learner_views

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
]
