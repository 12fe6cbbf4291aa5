from django.urls import path

from . import views

app_name = "impulses"
urlpatterns = [
    path("impulses/<int:page_id>/answer/", views.answer, name="answer"),
    path("impulses/digest/", views.digest, name="digest"),
]
