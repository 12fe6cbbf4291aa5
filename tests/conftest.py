import pytest

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
