"""The URLs of allauth's `openid_connect` provider (same paths and names), with Sensi's
views: `/<language>/accounts/oidc/<provider_id>/login/` and `.../login/callback/`."""

from django.urls import include, path

from . import views

urlpatterns = [
    path(
        "oidc/<str:provider_id>/",
        include(
            [
                path("login/", views.login, name="openid_connect_login"),
                path("login/callback/", views.callback, name="openid_connect_callback"),
            ]
        ),
    )
]
