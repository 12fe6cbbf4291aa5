from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import ActivateTOTPView, login_elsewhere

urlpatterns = [
    # Both admins sign in through allauth only: their own login views are replaced.
    path("admin/login/", login_elsewhere, {"default_next": "wagtailadmin_home"}),
    path("django-admin/login/", login_elsewhere, {"default_next": "admin:index"}),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("xapi/", include("xapi.urls")),
]

urlpatterns += i18n_patterns(
    # allauth's TOTP setup, continuing to the page that asked (accounts.views).
    path(
        "accounts/2fa/totp/activate/",
        ActivateTOTPView.as_view(),
        name="mfa_activate_totp",
    ),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("compliance.urls")),
    path("", include("seminars.urls")),
    path("", include("privacy.urls")),
    path("", include("jobs.urls")),
    path("", include("accessibility.urls")),
    path("", include("selfcheck.urls")),
    path("", include("impulses.urls")),
    path("", include("gamification.urls")),
    path("", include("content.urls")),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "config.views.server_error"
