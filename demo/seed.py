"""Build the demo site: home pages, the curriculum, editorial groups, workflow, accounts.

Every step looks for what exists first, so running it again changes nothing.
"""

import io
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from content.models import HomePage
from content.sites import sync_default_site
from courses.models import LessonPage, ModulePage
from quizzes.models import QuizPage

from . import curriculum_data, videos
from .images import pictogram_png

ID_NAMESPACE = uuid.UUID("6f1c2a55-3d0e-4c1b-9a57-5e2f3c8d9b10")
DEMO_PASSWORD = "Sensi-Demo-2026"
# Wagtail shows these names inside "Zur Freigabe einreichen (…)" and its e-mails
# (editorial/wagtail_wording.py).
WORKFLOW_NAME = "Vier-Augen-Prinzip"
APPROVAL_TASK_NAME = "Zweite Person"

HOME = {
    "de": {
        "title": "Willkommen bei Sensi",
        "intro": "<p>Kurze Lerneinheiten zu Informationssicherheit und Datenschutz im "
        "Homeoffice – in wenigen Minuten, am Laptop oder auf dem Smartphone.</p>",
    },
    "en": {
        "title": "Welcome to Sensi",
        "intro": "<p>Short learning units on information security and data protection when "
        "working from home – in a few minutes, on a laptop or a phone.</p>",
    },
}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: str
    groups: tuple[str, ...] = ()
    superuser: bool = False


ACCOUNTS = (
    DemoAccount("beschaeftigte@sensi.example", "Erika", "Mustermann", "Beschäftigte"),
    DemoAccount("redaktion@sensi.example", "Rainer", "Redlich", "Redaktion", ("Redaktion",)),
    DemoAccount("freigabe@sensi.example", "Frieda", "Fromm", "Freigabe", ("Freigabe",)),
    DemoAccount("ciso@sensi.example", "Clara", "Sicher", "CISO", ("CISO",)),
    DemoAccount("trainer@sensi.example", "Tina", "Lehmann", "Trainer", ("Trainer",)),
    DemoAccount("admin@sensi.example", "Anton", "Admin", "Administrator", superuser=True),
)


def stable_id(*parts) -> str:
    """Block ids that are the same in every language and every run of the seed."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in parts)))


def root_collection() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@transaction.atomic
def seed_site() -> dict[str, HomePage]:
    """A HomePage per language at the root of the default site."""
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=de)
    )
    site = Site.objects.filter(is_default_site=True).first()
    home_de = HomePage.objects.filter(locale=de).first()
    if home_de is None:
        # Wagtail's installer leaves a placeholder "Welcome" page; Sensi's home replaces it.
        Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
        home_de = HomePage(slug="sensi-de", locale=de, **HOME["de"])
        root.add_child(instance=home_de)
        home_de.save_revision().publish()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Sensi")
    site.root_page = home_de
    site.save()
    sync_default_site()  # links in e-mails use SENSI_BASE_URL
    home_en = HomePage.objects.filter(locale=en).first()
    if home_en is None:
        home_en = HomePage(
            slug="sensi-en", locale=en, translation_key=home_de.translation_key, **HOME["en"]
        )
        root.add_child(instance=home_en)
        home_en.save_revision().publish()
    return {"de": home_de, "en": home_en}


def _body(lesson_data: dict) -> list[dict]:
    """A lesson's blocks; a demo clip (demo.videos) becomes its documents now."""
    return [
        {"type": kind, "value": videos.block_value(value) if kind == "video" else value}
        for kind, value in lesson_data["body"]
    ]


def _question_value(question: dict, *id_parts) -> dict:
    if question["type"] == "true_false":
        return {
            "question": question["question"],
            "correct": question["correct"],
            "feedback_true": question["feedback_true"],
            "feedback_false": question["feedback_false"],
            "explanation": question["explanation"],
        }
    return {
        "question": question["question"],
        "explanation": question["explanation"],
        "options": [
            {
                "type": "item",
                "id": stable_id(*id_parts, index),
                "value": {
                    "text": option["text"],
                    "correct": option["correct"],
                    "feedback": option["feedback"],
                },
            }
            for index, option in enumerate(question["options"])
        ],
    }


def _questions(module_slug: str, quiz_data: dict) -> list[dict]:
    """Raw stream data with stable ids, so both languages share question and option ids.
    An entry `{"type": "variants", "variants": [...]}` is one slot with several variants."""
    questions = []
    for number, question in enumerate(quiz_data["questions"]):
        qid = stable_id(module_slug, "quiz", number)
        if question["type"] == "variants":
            value = [
                {
                    "type": variant["type"],
                    "id": stable_id(module_slug, "quiz", number, "variant", k),
                    "value": _question_value(variant, module_slug, "quiz", number, "variant", k),
                }
                for k, variant in enumerate(question["variants"])
            ]
        else:
            value = _question_value(question, module_slug, "quiz", number)
        questions.append({"type": question["type"], "id": qid, "value": value})
    return questions


def _teaser(data: dict):
    image_model = get_image_model()
    title = f"Sensi – {data['motif']}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        png = pictogram_png(motif=data["motif"], topic=data["topic"])
        image = image_model(title=title, collection=root_collection())
        name = f"sensi-{data['motif']}.png"
        image.file.save(name, ImageFile(io.BytesIO(png), name=name), save=False)
        image.save()
    return image


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def seed_module(data: dict, *, home: HomePage, source: ModulePage | None = None) -> ModulePage:
    """Create one module with its lessons and quiz below `home`, unless it exists.

    With `source`, the module is created as the translation of that module: same
    translation keys for the module, each lesson and the quiz.
    """
    existing = ModulePage.objects.child_of(home).filter(slug=data["slug"]).first()
    if existing:
        return existing
    source_children = list(source.get_children().order_by("path")) if source else []

    def key_of(index):
        return {"translation_key": source_children[index].translation_key} if source else {}

    module = _publish(
        home,
        ModulePage(
            title=data["title"],
            slug=data["slug"],
            locale=home.locale,
            topic=data["topic"],
            summary=data["summary"],
            objectives=[{"type": "objective", "value": text} for text in data["objectives"]],
            estimated_minutes=data["minutes"],
            version_label=data["version"],
            teaser_image=_teaser(data),
            **({"translation_key": source.translation_key} if source else {}),
        ),
    )
    for index, lesson in enumerate(data["lessons"]):
        _publish(
            module,
            LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                locale=home.locale,
                intro=lesson["intro"],
                body=_body(lesson),
                **key_of(index),
            ),
        )
    quiz = data["quiz"]
    _publish(
        module,
        QuizPage(
            title=quiz["title"],
            slug="quiz",
            locale=home.locale,
            intro=quiz["intro"],
            pass_mark=quiz["pass_mark"],
            questions=_questions(data["slug"], quiz),
            questions_per_attempt=quiz.get("questions_per_attempt"),
            attempts_per_period=quiz.get("attempts_per_period"),
            attempt_period_hours=quiz.get("attempt_period_hours", 24),
            reread_after_failures=quiz.get("reread_after_failures"),
            **key_of(len(data["lessons"])),
        ),
    )
    return module


def seed_curriculum(homes: dict[str, HomePage]) -> list[ModulePage]:
    modules = {data["slug"]: seed_module(data, home=homes["de"]) for data in curriculum_data.GERMAN}
    for data in curriculum_data.ENGLISH:
        seed_module(data, home=homes["en"], source=modules[data["slug"]])
    return list(modules.values())


@transaction.atomic
def seed_editorial_groups(homes: dict[str, HomePage]) -> None:
    """Redaktion edits and submits; Freigabe (a second person) approves and publishes."""
    root = Page.get_first_root_node()
    collection = root_collection()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    rights = {"Redaktion": ("add", "change"), "Freigabe": ("add", "change", "publish", "lock")}
    for name, page_rights in rights.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for right in page_rights:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{right}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    ),
                )
    for name in ("CISO", "Datenschutzbeauftragte", "Ressort-ISB"):
        Group.objects.get_or_create(name=name)
    # Both editorial groups read the feedback sent from the accessibility statement.
    read_feedback = Permission.objects.get(
        content_type__app_label="accessibility", codename="view_accessibilityfeedback"
    )
    for name in rights:
        Group.objects.get(name=name).permissions.add(read_feedback)

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
        task.groups.set([Group.objects.get(name="Freigabe")])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


@transaction.atomic
def seed_accounts() -> list[DemoAccount]:
    user_model = get_user_model()
    for account in ACCOUNTS:
        user = user_model.objects.filter(email=account.email).first()
        if user is None:
            user = user_model.objects.create_user(
                email=account.email,
                password=DEMO_PASSWORD,
                first_name=account.first_name,
                last_name=account.last_name,
                is_staff=account.superuser,
                is_superuser=account.superuser,
            )
        user.groups.add(*Group.objects.filter(name__in=account.groups))
    return list(ACCOUNTS)
