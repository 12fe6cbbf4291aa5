"""gamification.wagtail_hooks and the setting: challenges and switches in the Wagtail admin."""

import datetime

import pytest
from django.urls import reverse

from gamification.models import GamificationSettings, TeamChallenge

pytestmark = pytest.mark.django_db


def test_everything_is_off_until_switched_on():
    config = GamificationSettings.load()
    assert not (config.streaks or config.badges or config.progress_ring)
    assert not config.team_challenges


def test_an_editor_switches_elements_on_in_the_settings(admin_client):
    pk = GamificationSettings.load().pk
    url = reverse("wagtailsettings:edit", args=["gamification", "gamificationsettings", pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"streaks": "on", "team_challenges": "on"})
    assert response.status_code == 302
    config = GamificationSettings.load()
    assert config.streaks and config.team_challenges and not config.badges


def test_a_challenge_is_created_in_the_admin(admin_client):
    url = reverse("wagtailsnippets_gamification_teamchallenge:add")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "title": "Sicherheitswoche",
            "description": "Gemeinsam.",
            "starts_on": "2026-12-07",
            "ends_on": "2026-12-11",
            "level": "ressort",
            "activity": "either",
        },
    )
    assert response.status_code == 302
    assert TeamChallenge.objects.get().ends_on == datetime.date(2026, 12, 11)


def test_a_challenge_cannot_end_before_it_starts(admin_client):
    url = reverse("wagtailsnippets_gamification_teamchallenge:add")
    response = admin_client.post(
        url,
        {
            "title": "Rückwärts",
            "starts_on": "2026-12-11",
            "ends_on": "2026-12-07",
            "level": "ressort",
            "activity": "impulse",
        },
    )
    assert response.status_code == 200
    assert not TeamChallenge.objects.exists()


def test_ressort_and_dienststelle_challenges_cannot_overlap(admin_client):
    TeamChallenge.objects.create(
        title="Sicherheitswoche",
        starts_on=datetime.date(2026, 12, 7),
        ends_on=datetime.date(2026, 12, 13),
        level="ressort",
    )
    url = reverse("wagtailsnippets_gamification_teamchallenge:add")
    fields = {"title": "Ämterwoche", "level": "dienststelle", "activity": "impulse"}
    clash = admin_client.post(url, {**fields, "starts_on": "2026-12-13", "ends_on": "2026-12-20"})
    assert clash.status_code == 200
    assert "Sicherheitswoche" in clash.content.decode()
    later = admin_client.post(url, {**fields, "starts_on": "2026-12-14", "ends_on": "2026-12-20"})
    assert later.status_code == 302
    assert TeamChallenge.objects.count() == 2
