"""Drive a quiz through the test client as a browser would: fetch the form, post it."""

import re

from quizzes.forms import ANSWER_PREFIX

TOKEN_PATTERN = re.compile(r'name="token" value="([^"]+)"')


def form_token(client, quiz) -> str:
    response = client.get(quiz.url)
    assert response.status_code == 200
    return TOKEN_PATTERN.search(response.content.decode()).group(1)


def post_answers(client, quiz, answers, *, token=None, follow=False):
    data = {"token": token if token is not None else form_token(client, quiz)}
    for question_id, option_ids in answers.items():
        data[f"{ANSWER_PREFIX}{question_id}"] = option_ids
    return client.post(quiz.url, data, follow=follow)
