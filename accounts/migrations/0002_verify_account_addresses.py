"""Mark the account's own e-mail address verified where allauth added it unverified (at a
password reset or SSO sign-up), as accounts.receivers.verify_vouched_address does from now
on: otherwise allauth.mfa refuses to set up a second factor. Only while self-signup is
closed (`SENSI_OPEN_SIGNUP`): then every account comes from the HR import, an administrator
or single sign-on."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Lower


def verify_account_addresses(apps, schema_editor):
    from accounts import app_settings

    if app_settings.SENSI_OPEN_SIGNUP:
        return
    EmailAddress = apps.get_model("account", "EmailAddress")
    (
        EmailAddress.objects.filter(verified=False)
        .annotate(address=Lower("email"), account_address=Lower(F("user__email")))
        .filter(address=F("account_address"))
        .update(verified=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        migrations.RunPython(verify_account_addresses, migrations.RunPython.noop),
    ]
