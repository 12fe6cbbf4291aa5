"""accounts.receivers: the database cache's table (created after migrate)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="UNLOGGED is PostgreSQL's")
def test_the_database_cache_table_is_unlogged_on_postgresql():
    # A sign-in's rate-limit commits then do not wait for a WAL flush.
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE oid = 'sensi_cache'::regclass")
        assert cursor.fetchone() == ("u",)


def test_creating_the_cache_table_again_keeps_it():
    from accounts.receivers import create_cache_table

    create_cache_table(verbosity=0)  # every migrate runs it: idempotent
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sensi_cache")
        assert cursor.fetchone()[0] >= 0
