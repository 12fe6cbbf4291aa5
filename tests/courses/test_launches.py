"""courses.launches: a launch link with an actor that is not an agent gets the launch error
page (400), never a server error, and records nothing."""

import uuid

import pytest

from tests import moodle_plugin
from tests.factories import UserFactory, module_page
from xapi.activities import page_iri
from xapi.models import ActorBinding, Statement

pytestmark = pytest.mark.django_db

ACTORS = {
    "list": [],
    "string": "erika@example.org",
    "null": None,
    "account-number": {"account": [1]},
    "account-string": {"account": ["x"]},
    "account-null": {"account": [None]},
    "mbox-list-of-number": {"mbox": [1]},
    "mbox-600-characters": {"mbox": "mailto:" + "a" * 600 + "@example.org"},
}


@pytest.mark.parametrize("actor", ACTORS.values(), ids=ACTORS.keys())
def test_a_launch_actor_that_is_not_an_agent_is_refused_with_400(client, actor):
    module = module_page()
    client.force_login(UserFactory())
    client.raise_request_exception = False
    url = moodle_plugin.launch_url(
        module.url,
        endpoint="https://lrs.example/xapi/",
        auth=moodle_plugin.basic("key", "secret"),
        actor=actor,
        registration=uuid.uuid4(),
        activity_id=page_iri(module),
    )
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert not Statement.objects.exists()
    assert not ActorBinding.objects.exists()
