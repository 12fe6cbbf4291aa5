"""The learner pages work under their strict Content-Security-Policy and the Wagtail admin under
its own: Chromium reports no violation (docs/security-headers.md)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from courses.models import LessonPage, ModulePage
from demo.seed import DEMO_PASSWORD
from quizzes.models import QuizPage
from tests.e2e.test_learner_journey import answer, read_to_the_end, sign_in
from tests.factories import totp_code, with_totp

# Playwright injects this before any page script, unaffected by the page's policy.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def violations(phone):
    """Every CSP violation the browser reports on the phone tab, as console text."""
    found = []

    def collect(message):
        if message.type == "error" and re.search(
            r"Content Security Policy|CSP violation", message.text
        ):
            found.append(message.text)

    phone.add_init_script(REPORT_VIOLATIONS)
    phone.on("console", collect)
    return found


def test_the_browser_enforces_the_policy_and_reports_violations(demo_site, phone, violations):
    phone.goto("/de/accounts/login/")
    phone.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "document.body.dataset.injected = 'yes'";
        document.body.append(script);
    }"""
    )
    expect(phone.locator("body")).not_to_have_attribute("data-injected", "yes")
    phone.wait_for_timeout(200)
    assert any("script-src" in text for text in violations), violations


def test_learner_pages_run_without_a_csp_violation(demo_site, phone, violations, settings):
    settings.SENSI_LESSON_MIN_SECONDS = settings.SENSI_LESSON_MAX_SECONDS = 1
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    quiz = QuizPage.objects.child_of(module).get()
    page = phone

    sign_in(page)  # the allauth login page and the dashboard
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=module.title))
    card.get_by_role("link", name=re.compile("Starten")).click()
    page.get_by_role("link", name="Modul starten").click()  # the first lesson
    # Each lesson counts once its minimum reading time (a second here) has passed.
    lesson_count = LessonPage.objects.child_of(module).live().count()
    for number in range(1, lesson_count + 1):
        read_to_the_end(page)
        label = "Nächste Lektion" if number < lesson_count else "Zum Wissenstest"
        page.get_by_role("button", name=re.compile(label)).click()
    answer(page, quiz, correctly=True)
    expect(page.get_by_text("Bestanden", exact=True)).to_be_visible()

    page.get_by_role("link", name="Zu meinen Schulungen").click()
    # The only module done, so the only obligation to confirm.
    page.get_by_role("link", name=re.compile("^Kenntnisnahme bestätigen")).click()
    page.get_by_label("Ich habe diesen Text gelesen und zur Kenntnis genommen.").check()
    page.get_by_role("button", name="Verbindlich bestätigen").click()
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()

    assert violations == []


def test_an_editor_sees_pages_with_the_userbar_and_edits_in_the_admin_without_a_violation(
    demo_site, phone, violations
):
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    secret = with_totp(User.objects.get(email="redaktion@sensi.example"))  # editors need MFA
    page = phone
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill("redaktion@sensi.example")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    # The MFA challenge. A code read just before its 30-second step ends can arrive after it
    # (CI once saw that); then the next code is typed, as a person would.
    for _attempt in range(3):
        page.locator("input[name=code]").fill(totp_code(secret))
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        if "/2fa/authenticate/" not in page.url:
            break
        page.wait_for_timeout(1000)

    page.goto(module.url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.wait_for_load_state("networkidle")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    expect(page.locator("#page-edit-form")).to_be_visible()
    page.get_by_role("button", name="Vorschau umschalten").click()  # the preview iframe
    expect(page.frame_locator("#w-preview-iframe").get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("button", name="Überprüfungen umschalten").click()  # axe in the preview
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)

    assert violations == []
