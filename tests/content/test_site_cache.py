"""The cached site structure (content.site_cache): one read per request, dropped by whatever
changes the live tree, and never a way around a view restriction."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from content import site_cache
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


def structure_reads(queries) -> int:
    return sum(site_cache.CACHE_KEY in q["sql"] for q in queries.captured_queries)


def test_a_request_reads_the_structure_once_and_builds_it_only_when_missing(learner_client, module):
    lesson = lessons_of(module)[0]
    url = lesson.url
    cache.delete(site_cache.CACHE_KEY)
    learner_client.get(url)
    assert cache.get(site_cache.CACHE_KEY) is not None
    with CaptureQueriesContext(connection) as queries:
        assert learner_client.get(url).status_code == 200
    assert structure_reads(queries) == 1
    assert not any("wagtailcore_site" in q["sql"] for q in queries.captured_queries)


def test_a_group_restriction_added_to_a_module_applies_to_its_lessons_at_once(
    learner_client, module
):
    lesson = lessons_of(module)[0]
    url = lesson.url
    assert learner_client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Nur Redaktion"))
    assert learner_client.get(url).status_code in (302, 403)


def test_requests_that_use_no_page_of_the_tree_read_no_structure(learner_client):
    """The structure is read on first use: a download or a view outside the page tree
    ("Meine Daten") does not pay for it."""
    with CaptureQueriesContext(connection) as queries:
        response = learner_client.get(reverse("privacy:download"))
        b"".join(response.streaming_content)
        assert learner_client.get(reverse("privacy:my_data")).status_code == 200
    assert response.status_code == 200 and structure_reads(queries) == 0


def test_the_xapi_and_the_admin_do_not_read_the_structure(client, db):
    with CaptureQueriesContext(connection) as queries:
        client.get("/xapi/about")
        client.get("/admin/login/")
    assert structure_reads(queries) == 0
