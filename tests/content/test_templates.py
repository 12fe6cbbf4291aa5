"""content's templates: the lowest layer links no app above it; the site shell (base and
error templates) lives in the project's templates/ folder."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse

import content

CONTENT_TEMPLATES = Path(content.__file__).parent / "templates"
HIGHER = ("courses", "quizzes", "compliance", "privacy", "accessibility", "demo")
SHELL = ("base.html", "403.html", "404.html", "429.html", "500.html", "503.html")


def test_content_templates_link_no_app_above_content():
    pattern = re.compile(r"""\{%\s*url\s+['"](""" + "|".join(HIGHER) + "):")
    offending = [
        str(path.relative_to(CONTENT_TEMPLATES))
        for path in CONTENT_TEMPLATES.rglob("*.html")
        if pattern.search(path.read_text())
    ]
    assert not offending


def test_the_shell_comes_from_the_project_templates_folder():
    shell = Path(settings.BASE_DIR) / "templates"
    for name in SHELL:
        assert Path(get_template(name).origin.name).parent == shell, name
        assert not (CONTENT_TEMPLATES / name).exists(), name


def test_the_home_page_leads_a_signed_in_learner_to_where_sign_in_leads(learner_client, home):
    response = learner_client.get(home.url)
    assert response.status_code == 200
    assert f'class="button" href="{reverse("courses:my_training")}"' in response.text


def test_the_home_page_asks_others_to_sign_in(client, home):
    response = client.get(home.url)
    assert f'class="button" href="{reverse("account_login")}"' in response.text
