from django.urls import path

from . import document_views, views

app_name = "xapi"
urlpatterns = [
    path("statements", views.statements, name="statements"),
    path("activities/state", document_views.activity_state, name="activity_state"),
    path("activities/profile", document_views.activity_profile, name="activity_profile"),
    path("activities", document_views.activities, name="activities"),
    path("agents/profile", document_views.agent_profile, name="agent_profile"),
    path("agents", document_views.agents, name="agents"),
    path("about", document_views.about, name="about"),
    path("Basic/request", views.launch_credential_request, name="launch_credential_request"),
]
