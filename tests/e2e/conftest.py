"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("SENSI_CHROMIUM", "/usr/bin/chromium")
# Chromium as root in a closed network: no sandbox, no background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from that
# thread (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: run bin/install-system-deps."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db):
    call_command("seed_demo", allow_demo_accounts=True, verbosity=0)


@pytest.fixture
def phone(browser, live_server):
    """A browser tab the size of a phone screen."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server.url, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser, live_server):
    """A browser tab the size of a laptop screen."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
