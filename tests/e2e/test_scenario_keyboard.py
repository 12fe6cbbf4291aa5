"""Scenario blocks by keyboard only: Tab to the radio group, arrows to choose, Enter to
submit; the chosen option's feedback is then shown at the block (issue 11, finding 5)."""

import os

import pytest
from playwright.sync_api import expect

from content.models import ScenarioAnswer
from tests.content.test_scenarios import BAD, BLOCK_ID, GOOD, choice
from tests.e2e.test_keyboard_journey import focused, press_tab_until
from tests.factories import PASSWORD, UserFactory, home_page, lessons_of, module_page

SHOTS = os.environ.get("SENSI_SCREENSHOTS", "")


@pytest.fixture
def scenario_lesson(transactional_db):
    module = module_page(home=home_page("de"), lessons=1, questions=[])
    lesson = lessons_of(module)[0]
    lesson.body = [
        {"type": "heading", "value": {"text": "Üben", "level": "h2"}},
        {
            "type": "scenario",
            "id": BLOCK_ID,
            "value": {
                "title": "Die Mail vom Chef",
                "situation": "<p>Eine dringende Mail verlangt eine Überweisung.</p>",
                "question": "Was tun Sie?",
                "choices": [
                    choice(
                        GOOD,
                        "Telefonisch nachfragen",
                        "Richtig: Rückfrage über bekannte Nummer.",
                        True,
                    ),
                    choice(BAD, "Sofort überweisen", "So gelingt der Betrug."),
                ],
            },
        },
    ]
    lesson.save_revision().publish()
    return lesson


def sign_in(page, email):
    page.goto("/de/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_a_scenario_is_answered_by_keyboard(browser, live_server, scenario_lesson, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    user = UserFactory()
    sign_in(page, user.email)
    page.goto(scenario_lesson.url)
    expect(page.get_by_text("So gelingt der Betrug.")).to_have_count(0)
    if SHOTS:
        page.locator(".scenario").screenshot(path=f"{SHOTS}/scenario-form-{width}.png")

    first = press_tab_until(page, lambda element: element["id"].startswith("scenario-"))
    assert first["tag"] == "input"
    page.keyboard.press("ArrowDown")  # moves to and selects "Sofort überweisen"
    assert focused(page)["id"].endswith(BAD)
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url(f"**#scenario-{BLOCK_ID}")
    feedback = page.locator(f"#scenario-{BLOCK_ID}-feedback")
    expect(feedback).to_be_visible()
    expect(feedback).to_have_attribute("role", "status")
    expect(feedback).to_contain_text("So gelingt der Betrug.")
    expect(page.get_by_text("Richtig: Rückfrage")).to_have_count(0)
    assert feedback.bounding_box()["y"] < 900  # scrolled to the block
    answer = ScenarioAnswer.objects.get(user=user)
    assert answer.option_id == BAD
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/scenario-feedback-{width}.png", full_page=False)
    context.close()
