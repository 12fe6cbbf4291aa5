"""The BigBlueButton client against a local server that implements create, join and
getMeetingInfo and validates every checksum (tests/seminars/bbb_server.py). A real BBB
server was not available to these tests."""

from datetime import timedelta
from urllib.request import urlopen

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from seminars import bbb, services
from seminars.models import Registration, Session
from tests.factories import UserFactory, sign_in_with_mfa

from .bbb_server import SECRET, FakeBBB
from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["sha1", "sha256"])
def server(request):
    with (
        FakeBBB(algorithm=request.param) as fake,
        override_settings(
            SENSI_BBB_API_URL=fake.api_url,
            SENSI_BBB_SECRET=SECRET,
            SENSI_BBB_CHECKSUM=request.param,
        ),
    ):
        yield fake


@pytest.fixture
def online(server, module, trainer):
    return make_session(module=module, trainer=trainer, kind=Session.Kind.ONLINE, place="")


def test_checksum_matches_the_example_of_the_bbb_api_documentation():
    query = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
    secret = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"
    assert bbb.checksum("create", query, secret) == "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"


def test_room_is_created_once_and_remembered(server, online):
    first = bbb.ensure_room(online)
    online.refresh_from_db()
    assert online.bbb_meeting_id == first
    assert bbb.ensure_room(online) == first
    assert [call for call, _params in server.calls] == ["create", "create"]
    assert server.rejected == 0


def test_join_link_carries_the_display_name_and_pseudonym(server, online, client):
    user = UserFactory(first_name="Paula", last_name="Presente")
    services.register(user=user, session=online)
    client.force_login(user)
    response = client.get(reverse("seminars:join", args=[online.pk]))
    assert response.status_code == 302
    with urlopen(response["Location"]) as answer:  # the browser follows it to the server
        assert b"SUCCESS" in answer.read()
    call, params = server.calls[-1]
    assert call == "join"
    assert params["fullName"] == "Paula Presente"
    assert params["role"] == "VIEWER"
    assert params["userID"] == str(user.pseudonym)
    assert server.rejected == 0


def test_trainer_joins_as_moderator(server, online, client, trainer):
    sign_in_with_mfa(client, trainer)
    response = client.get(reverse("seminars:join", args=[online.pk]))
    assert "role=MODERATOR" in response["Location"]


def test_wrong_secret_is_refused_by_the_server_and_reported(server, online):
    with override_settings(SENSI_BBB_SECRET="wrong"), pytest.raises(bbb.BBBError):
        bbb.ensure_room(online)
    assert server.rejected == 1


def test_who_joined_is_prefilled_for_the_trainer_to_confirm(server, online, client, trainer):
    joined, absent = UserFactory(), UserFactory()
    for user in (joined, absent):
        services.register(user=user, session=online)
    client.force_login(joined)
    urlopen(client.get(reverse("seminars:join", args=[online.pk]))["Location"]).close()
    online.refresh_from_db()
    online.starts_at = timezone.now() - timedelta(minutes=5)
    online.registration_deadline = online.starts_at - timedelta(hours=1)
    online.save()
    sign_in_with_mfa(client, trainer)
    page = client.get(reverse("seminars:attendance", args=[online.pk])).content.decode()
    assert "getMeetingInfo" in [call for call, _params in server.calls]
    marked = Registration.objects.filter(joined_online_at__isnull=False)
    assert list(marked.values_list("user_id", flat=True)) == [joined.pk]
    assert f'value="{joined.pk}" id="present-{joined.pk}" checked' in page
    assert f'value="{absent.pk}" id="present-{absent.pk}">' in page


def test_unreachable_server_gives_a_clear_message(module, trainer, client):
    with override_settings(
        SENSI_BBB_API_URL="http://127.0.0.1:9/bigbluebutton/api/", SENSI_BBB_SECRET="x"
    ):
        session = make_session(module=module, trainer=trainer, kind=Session.Kind.ONLINE, place="")
        user = UserFactory()
        services.register(user=user, session=session)
        client.force_login(user)
        response = client.get(reverse("seminars:join", args=[session.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("seminars:session", args=[session.pk])


def test_without_bbb_the_room_link_is_used(module, trainer, client):
    session = make_session(
        module=module,
        trainer=trainer,
        kind=Session.Kind.ONLINE,
        place="",
        room_url="https://video.example.org/raum-42",
    )
    user = UserFactory()
    services.register(user=user, session=session)
    client.force_login(user)
    response = client.get(reverse("seminars:join", args=[session.pk]))
    assert response["Location"] == "https://video.example.org/raum-42"


def test_join_of_someone_not_registered_is_404(module, trainer, client):
    session = make_session(
        module=module,
        trainer=trainer,
        kind=Session.Kind.ONLINE,
        place="",
        room_url="https://v.example/r",
    )
    client.force_login(UserFactory())
    assert client.get(reverse("seminars:join", args=[session.pk])).status_code == 404
