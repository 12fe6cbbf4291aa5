"""In a real browser: the CISO sets up TOTP before the compliance reports open, and the
warning before the idle timeout extends the session."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts import app_settings
from accounts.sessions import LAST_SEEN_KEY
from compliance.reports.scopes import Role
from tests.factories import PASSWORD, UserFactory, home_page, totp_code, with_totp


@pytest.fixture
def desktop(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def submit_main_form(page):
    page.locator("main button[type=submit]").first.click()


def sign_in(page, email):
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()


def test_ciso_sets_up_totp_before_the_compliance_reports_open(transactional_db, desktop):
    home_page("de")
    ciso = UserFactory(email="ciso@example.org")
    ciso.groups.add(Group.objects.get_or_create(name=Role.CISO)[0])
    page = desktop
    sign_in(page, "ciso@example.org")

    page.goto("/de/compliance/")
    # The sign-in seconds ago counts: no password again; the QR code and the secret show.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.locator("input[name=code]").fill(totp_code(secret))
    submit_main_form(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/"))

    page.goto("/de/compliance/")
    expect(page).to_have_url(re.compile(r"/de/compliance/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_warning_before_the_idle_timeout_extends_the_session(transactional_db, desktop):
    from django.contrib.sessions.models import Session

    home_page("de")
    user = UserFactory(email="erika@example.org")
    page = desktop
    page.clock.install()
    sign_in(page, user.email)
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()
    # The deferred script has run (and set its timer) once its dialog is in the page; moving
    # the clock before that would leave the timer nothing to catch up on.
    expect(page.locator("#session-timeout")).to_be_attached()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_hidden()

    idle = app_settings.SENSI_SESSION_IDLE_MINUTES * 60
    page.clock.fast_forward((idle - app_settings.SENSI_SESSION_WARNING_SECONDS + 5) * 1000)
    expect(dialog).to_be_visible()
    expect(dialog).to_have_accessible_name("Ihre Sitzung läuft bald ab")
    extend = dialog.get_by_role("button", name="Sitzung verlängern")
    expect(extend).to_be_focused()

    session = Session.objects.get()
    before = session.get_decoded()[LAST_SEEN_KEY]
    extend.click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="verlängert")).to_have_text(
        "Ihre Sitzung wurde verlängert."
    )
    session.refresh_from_db()
    assert session.get_decoded()[LAST_SEEN_KEY] > before
    assert session.get_decoded()["_auth_user_id"] == str(user.pk)


def test_warning_says_so_when_the_session_has_ended(transactional_db, desktop):
    home_page("de")
    UserFactory(email="erika@example.org")
    page = desktop
    page.clock.install()
    sign_in(page, "erika@example.org")
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()
    expect(page.locator("#session-timeout")).to_be_attached()
    page.clock.fast_forward((app_settings.SENSI_SESSION_IDLE_MINUTES * 60 + 5) * 1000)
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Ihre Sitzung ist abgelaufen")
    expect(dialog.get_by_role("link", name="Erneut anmelden")).to_be_focused()


def test_ciso_adds_a_security_key_and_signs_in_with_it(transactional_db, desktop):
    """A real WebAuthn ceremony against Chromium's virtual authenticator (DevTools protocol)."""
    from allauth.mfa.models import Authenticator

    home_page("de")
    ciso = UserFactory(email="ciso@example.org")
    ciso.groups.add(Group.objects.get_or_create(name=Role.CISO)[0])
    secret = with_totp(ciso)
    page = desktop
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    sign_in(page, "ciso@example.org")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    submit_main_form(page)
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()

    page.goto("/de/accounts/2fa/webauthn/add/")  # right after sign-in: no password again
    page.locator("input[name=name]").fill("Sicherheitsschlüssel")
    page.locator("#mfa_webauthn_add").click()
    expect(page).not_to_have_url(re.compile(r"/webauthn/add/"))
    assert Authenticator.objects.filter(user=ciso, type=Authenticator.Type.WEBAUTHN).exists()

    # Sign out, sign in again with the password and the security key instead of a code.
    page.goto("/de/accounts/logout/")
    submit_main_form(page)
    sign_in(page, "ciso@example.org")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator("#mfa_webauthn_authenticate").click()
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()
    page.goto("/de/compliance/")
    expect(page).to_have_url(re.compile(r"/de/compliance/$"))
