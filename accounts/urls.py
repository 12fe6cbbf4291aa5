from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("session/extend/", views.extend_session, name="extend_session"),
]
