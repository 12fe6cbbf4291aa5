from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "seminars"
urlpatterns = [
    path(pgettext_lazy("URL", "sessions/<int:pk>/"), views.session_detail, name="session"),
    path(pgettext_lazy("URL", "sessions/<int:pk>/register/"), views.register, name="register"),
    path(pgettext_lazy("URL", "sessions/<int:pk>/cancel/"), views.cancel, name="cancel"),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/calendar.ics"),
        views.calendar_file,
        name="calendar",
    ),
    path(pgettext_lazy("URL", "sessions/<int:pk>/join/"), views.join, name="join"),
    path(pgettext_lazy("URL", "trainer/sessions/"), views.trainer_sessions, name="trainer"),
    path(
        pgettext_lazy("URL", "trainer/sessions/<int:pk>/attendance/"),
        views.attendance,
        name="attendance",
    ),
]
