import pytest
from django.core.management import call_command
from django.db import transaction

from tests.factories import PASSWORD, UserFactory, home_page, module_page, sign_in_with_mfa


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def learner_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, db):
    """pytest-django's admin_client, but past the second factor every superuser must pass."""
    sign_in_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def home(db):
    return home_page("de")


@pytest.fixture
def module(home):
    return module_page(home=home)


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in German: a request to /en/ leaves English active in the thread
    (LocaleMiddleware activates, nothing resets), which would leak into later tests."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="class")
def seeded_demo(request, django_db_setup, django_db_blocker):
    """The demo (`manage.py seed_demo`), seeded once for all tests of a class rather than once
    per test: seeding takes seconds. A class sets `seed_demo_options` for other options
    (`{"employees": 150}`).

    The seed lives in a transaction that is rolled back after the class; each test still runs
    in its own savepoint inside it (pytest-django's `db`), so what a test writes is undone
    before the next one. Only for classes whose tests need neither an empty database nor
    `transactional_db` (which would flush the seed for everyone after it)."""
    options = getattr(request.cls, "seed_demo_options", {})
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0, **options)
        yield
        transaction.set_rollback(True)
