from django.urls import path

from . import views

app_name = "gamification"
urlpatterns = [
    path("gamification/personal-progress/", views.personal_progress, name="personal_progress"),
]
