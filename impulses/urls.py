from django.urls import path

from . import views
from .feeds import ImpulseAtomFeed, ImpulseRssFeed

app_name = "impulses"
urlpatterns = [
    path("impulses/<int:page_id>/answer/", views.answer, name="answer"),
    path("impulses/digest/", views.digest, name="digest"),
    path("impulses/feed/rss/", ImpulseRssFeed(), name="feed_rss"),
    path("impulses/feed/atom/", ImpulseAtomFeed(), name="feed_atom"),
    path("impulses/screensaver/", views.screensaver, name="screensaver"),
    path("impulses/widget/", views.widget, name="widget"),
]
