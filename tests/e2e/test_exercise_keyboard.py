"""Exercise blocks by keyboard only at 320 CSS px (WCAG 2.1.1, 1.4.10): Tab and Space to mark
the signs, arrows to sort, arrows in a select to order; after submitting, the focus is on the
result's heading, and axe finds no violation before or after (content.exercises)."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from content.exercises import shuffled_steps
from content.models import ExerciseAnswer
from tests.content.test_exercises import (
    ORDER_ID,
    SIGNS_ID,
    SORT_ID,
    STEP_1,
    STEP_2,
    STEP_3,
    STEP_4,
    URGENT,
    exercise_lesson,
)
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.e2e.test_keyboard_journey import focused, press_tab_until
from tests.factories import PASSWORD, UserFactory, home_page

SHOTS = os.environ.get("SENSI_SCREENSHOTS", "")
WIDTHS = [320, 360, 1280] if SHOTS else [320]


@pytest.fixture
def lesson(transactional_db):
    return exercise_lesson(home_page("de"))


@pytest.fixture
def learner_page(browser, live_server, request):
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=True,  # axe is injected as a script
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    user = UserFactory()
    page.goto("/de/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_load_state()
    yield page, user, width
    context.close()


def assert_accessible(page, width):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, readable(violations)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"scrolls horizontally: {scroll_width} px"


def tab_to(page, element_id):
    return press_tab_until(page, lambda element: element["id"] == element_id)


def submit_and_expect_result(page, block_id):
    press_tab_until(
        page, lambda element: element["tag"] == "button" and element["text"].startswith("Antwort")
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#exercise-{block_id}-result")
    page.wait_for_load_state()
    assert focused(page)["id"] == f"exercise-{block_id}-result"


def shoot(page, block_id, name, width):
    if SHOTS:
        page.locator(f"#exercise-{block_id}").screenshot(path=f"{SHOTS}/{name}-{width}.png")


@pytest.mark.parametrize("learner_page", WIDTHS, indirect=True)
def test_spot_the_signs_by_keyboard(learner_page, lesson):
    page, user, width = learner_page
    page.goto(lesson.url)
    shoot(page, SIGNS_ID, "signs-form", width)
    for part in ("sender", URGENT, "link", "attachment"):
        tab_to(page, f"exercise-{SIGNS_ID}-{part}")
        page.keyboard.press("Space")
        if part == "link":  # the real target shows while the link's checkbox has the focus
            expect(page.locator(f"#exercise-{SIGNS_ID} .mail__target")).to_be_visible()
    assert_accessible(page, width)
    submit_and_expect_result(page, SIGNS_ID)
    expect(page.locator(f"#exercise-{SIGNS_ID} .exercise__summary")).to_contain_text(
        "Alles richtig."
    )
    assert ExerciseAnswer.objects.get(user=user).success
    assert_accessible(page, width)
    shoot(page, SIGNS_ID, "signs-result", width)


@pytest.mark.parametrize("learner_page", WIDTHS, indirect=True)
def test_sort_it_by_keyboard(learner_page, lesson):
    page, user, width = learner_page
    page.goto(lesson.url)
    shoot(page, SORT_ID, "sort-form", width)
    first = press_tab_until(page, lambda element: element["id"].startswith(f"exercise-{SORT_ID}"))
    assert first["id"].endswith("-1")
    page.keyboard.press("Space")  # item 1: "sicher"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # item 2: "unsicher"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # item 3: "kommt darauf an"
    assert focused(page)["id"].endswith("-3")
    submit_and_expect_result(page, SORT_ID)
    expect(page.locator(f"#exercise-{SORT_ID} .exercise__summary")).to_contain_text(
        "Alles richtig."
    )
    assert ExerciseAnswer.objects.get(user=user).success
    assert_accessible(page, width)
    shoot(page, SORT_ID, "sort-result", width)


@pytest.mark.parametrize("learner_page", WIDTHS, indirect=True)
def test_put_in_order_by_keyboard(learner_page, lesson):
    page, user, width = learner_page
    page.goto(lesson.url)
    shoot(page, ORDER_ID, "order-form", width)
    block = next(child for child in lesson.body if child.block_type == "put_in_order")
    right = {STEP_1: 1, STEP_2: 2, STEP_3: 3, STEP_4: 4}
    # One step in the wrong place (swapped with its neighbour), to see the feedback.
    right[STEP_1], right[STEP_2] = 2, 1
    for step_id, _value in shuffled_steps(ORDER_ID, block.value):
        tab_to(page, f"exercise-{ORDER_ID}-{step_id}")
        for _ in range(right[step_id]):
            page.keyboard.press("ArrowDown")
    submit_and_expect_result(page, ORDER_ID)
    summary = page.locator(f"#exercise-{ORDER_ID} .exercise__summary")
    expect(summary).to_contain_text("2 von 4")
    assert ExerciseAnswer.objects.get(user=user).response == [STEP_2, STEP_1, STEP_3, STEP_4]
    assert_accessible(page, width)
    shoot(page, ORDER_ID, "order-result", width)
