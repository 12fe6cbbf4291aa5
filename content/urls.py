from django.urls import path

from . import views

app_name = "content"
urlpatterns = [
    path("scenario/<int:page_id>/<str:block_id>/", views.answer, name="scenario_answer"),
    path(
        "exercise/<int:page_id>/<str:block_id>/",
        views.answer_exercise_view,
        name="exercise_answer",
    ),
]
