import pytest
from django.core.management import CommandError, call_command

from xapi.models import LRSClient
from xapi.models.clients import hash_secret

pytestmark = pytest.mark.django_db


def test_add_prints_key_and_secret_once_and_stores_only_a_hash(capsys):
    call_command("xapi_client", "add", "Moodle Prod", "--read", "--write")
    output = capsys.readouterr().out
    client = LRSClient.objects.get(name="moodle-prod")
    secret = output.split("secret:")[1].split()[0]
    assert client.key in output
    assert secret not in str(LRSClient.objects.values().get())
    assert client.secret_hash == hash_secret(secret)
    assert client.can_read and client.can_write


def test_add_without_rights_gives_a_read_only_client():
    call_command("xapi_client", "add", "reports")
    client = LRSClient.objects.get(name="reports")
    assert client.can_read and not client.can_write


def test_a_name_can_be_used_once():
    call_command("xapi_client", "add", "moodle")
    with pytest.raises(CommandError, match="exists already"):
        call_command("xapi_client", "add", "moodle")


def test_list_and_revoke(capsys):
    call_command("xapi_client", "add", "moodle", "--write")
    call_command("xapi_client", "revoke", "moodle")
    call_command("xapi_client", "list")
    assert "revoked" in capsys.readouterr().out.splitlines()[-1]
    with pytest.raises(CommandError):
        call_command("xapi_client", "revoke", "moodle")
