import datetime
import uuid

import pytest
from django.utils import timezone

from impulses.models import ImpulseIndexPage, ImpulsePage, monday_of
from tests.factories import publish


def question(text="Was tun Sie mit einer verdächtigen E-Mail?", correct=0, n=3):
    return [
        {
            "type": "single_choice",
            "id": str(uuid.uuid4()),
            "value": {
                "question": text,
                "explanation": "Melden schützt alle.",
                "options": [
                    {
                        "type": "item",
                        "id": str(uuid.uuid4()),
                        "value": {
                            "text": f"Antwort {i}",
                            "correct": i == correct,
                            "feedback": f"Rückmeldung {i}",
                        },
                    }
                    for i in range(n)
                ],
            },
        }
    ]


def this_monday() -> datetime.date:
    return monday_of(timezone.localdate())


def index_page(home) -> ImpulseIndexPage:
    existing = ImpulseIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = ImpulseIndexPage(
        title="Sicherheitsimpulse", slug="sicherheitsimpulse", locale=home.locale
    )
    return publish(home, index)


def impulse_page(home, *, title="Verdächtige Mail melden", weeks_ago=0, live=True, **fields):
    index = index_page(home)
    page = ImpulsePage(
        title=title,
        slug=fields.pop("slug", None) or f"impulse-{uuid.uuid4().hex[:8]}",
        locale=home.locale,
        topic=fields.pop("topic", "phishing"),
        tip=fields.pop("tip", "<p>Melden Sie verdächtige E-Mails sofort.</p>"),
        question=fields.pop("question", question()),
        week_of=this_monday() - datetime.timedelta(weeks=weeks_ago),
        **fields,
    )
    if live:
        return publish(index, page)
    page.live = False
    index.add_child(instance=page)
    page.save_revision()
    return page


def options_of(page):
    return page.question_view().options


@pytest.fixture
def impulse(home):
    return impulse_page(home)
