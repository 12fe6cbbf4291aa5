import pytest

from tests.factories import PASSWORD, UserFactory, home_page, module_page


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
def home(db):
    return home_page("de")


@pytest.fixture
def module(home):
    return module_page(home=home)
