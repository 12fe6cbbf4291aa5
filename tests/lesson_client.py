"""Read a lesson through the test client as a learner would: open it, stay, move on.

The server measures the time between rendering and the post with `courses.reading.clock`;
`read_lesson` opens the page "long enough ago" by moving that clock back while rendering,
so that tests need not wait (the rule itself is tested in tests/courses/test_reading.py).
"""

import re
import time
from unittest import mock

from courses import app_settings

TOKEN_PATTERN = re.compile(r'name="token" value="([^"]+)"')


def lesson_token(client, lesson, *, seconds_ago: float = 0, at: float | None = None) -> str:
    """Open the lesson (as if `seconds_ago` seconds ago, or at the clock time `at`) and return
    its reading token."""
    opened = time.time() - seconds_ago if at is None else at
    with mock.patch("courses.reading.clock", return_value=opened):
        response = client.get(lesson.url)
    assert response.status_code == 200, response.status_code
    return TOKEN_PATTERN.search(response.content.decode()).group(1)


def finish_lesson(client, lesson, token: str, *, follow=False):
    return client.post(lesson.url, {"token": token}, follow=follow)


def read_lesson(client, lesson):
    """Open the lesson, stay the longest minimum time there can be, and move on."""
    longest = max(
        app_settings.setting("SENSI_LESSON_MIN_SECONDS"),
        app_settings.setting("SENSI_LESSON_MAX_SECONDS"),
    )
    token = lesson_token(client, lesson, seconds_ago=longest + 1)
    response = finish_lesson(client, lesson, token)
    assert response.status_code == 302, response.status_code
    return response
