"""demo.gamification: who plans team challenges ("Team-Aktionen") after `seed_demo`."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from demo.gamification import grant_challenge_planners
from gamification.models import TeamChallenge
from tests.factories import sign_in_with_mfa

ADD = reverse("wagtailsnippets_gamification_teamchallenge:add")
INDEX = reverse("wagtailsnippets_gamification_teamchallenge:list")


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_demo")
class TestChallengePlanners:
    @pytest.mark.parametrize("email", ["ciso@sensi.example", "redaktion@sensi.example"])
    def test_the_ciso_and_the_redaktion_manage_team_challenges(self, client, email):
        person = get_user_model().objects.get(email=email)
        sign_in_with_mfa(client, person)
        challenge = TeamChallenge.objects.first()

        assert client.get(INDEX).status_code == 200
        response = client.post(
            ADD,
            {
                "title": "Winteraktion",
                "starts_on": "2099-01-04",
                "ends_on": "2099-01-08",
                "level": "ressort",
                "activity": "either",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert TeamChallenge.objects.filter(title="Winteraktion").exists()
        edit = reverse("wagtailsnippets_gamification_teamchallenge:edit", args=[challenge.pk])
        assert client.get(edit).status_code == 200
        delete = reverse("wagtailsnippets_gamification_teamchallenge:delete", args=[challenge.pk])
        assert client.post(delete).status_code == 302
        assert not TeamChallenge.objects.filter(pk=challenge.pk).exists()

    def test_the_trainer_does_not(self, client):
        sign_in_with_mfa(client, get_user_model().objects.get(email="trainer@sensi.example"))
        assert client.get(INDEX).status_code in (302, 403)

    def test_granting_again_changes_nothing(self):
        ciso = get_user_model().objects.get(email="ciso@sensi.example")
        before = sorted(ciso.groups.get().permissions.values_list("codename", flat=True))
        grant_challenge_planners()
        after = sorted(ciso.groups.get().permissions.values_list("codename", flat=True))
        assert after == before
        assert {"add_teamchallenge", "change_teamchallenge", "access_admin"} <= set(after)
