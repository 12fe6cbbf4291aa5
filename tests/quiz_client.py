"""Drive a quiz through the test client as a browser would: fetch the form, post it."""

import re

from quizzes.forms import ANSWER_PREFIX

TOKEN_PATTERN = re.compile(r'name="token" value="([^"]+)"')
QUESTION_PATTERN = re.compile(r'<fieldset class="question[^"]*" id="question-([^"]+)"')


def quiz_form(client, quiz) -> tuple[str, list[str]]:
    """The form's token and the ids of the questions drawn for it."""
    response = client.get(quiz.url)
    assert response.status_code == 200
    html = response.content.decode()
    return TOKEN_PATTERN.search(html).group(1), QUESTION_PATTERN.findall(html)


def form_token(client, quiz) -> str:
    return quiz_form(client, quiz)[0]


def drawn_question_ids(client, quiz) -> list[str]:
    return quiz_form(client, quiz)[1]


def post_answers(client, quiz, answers, *, token=None, follow=False):
    """Post `answers` (by question id). Without a token, the form is fetched first and
    answers for pool questions that were not drawn for it are left out, as a browser would."""
    data = {}
    if token is None:
        token, drawn = quiz_form(client, quiz)
        pool = {question.id for question in quiz.question_list()}
        answers = {qid: ids for qid, ids in answers.items() if qid not in pool or qid in drawn}
    data["token"] = token
    for question_id, option_ids in answers.items():
        data[f"{ANSWER_PREFIX}{question_id}"] = option_ids
    return client.post(quiz.url, data, follow=follow)
