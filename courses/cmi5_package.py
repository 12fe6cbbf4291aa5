"""A module as a cmi5 course package (cmi5 §13–14): a zip whose cmi5.xml names one course with
the module as its only assignable unit, launched from this Sensi."""

import io
import zipfile
from xml.etree import ElementTree

from django.conf import settings

from quizzes.models import QuizPage

from .learning_records import module_activity
from .models import ModulePage

NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def _text(parent, tag: str, strings: dict[str, str]) -> None:
    element = ElementTree.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    for lang, text in strings.items():
        ElementTree.SubElement(element, f"{{{NAMESPACE}}}langstring", {"lang": lang}).text = text


def au_attributes(module: ModulePage) -> dict[str, str]:
    """moveOn and masteryScore (§13.1.4): with a quiz, complete and pass at its pass mark;
    without one, complete. Sensi is a whole site with its own sign-in, so it opens in its own
    window (it may not be framed)."""
    attributes = {"id": module_activity(module).iri, "launchMethod": "OwnWindow"}
    quiz = QuizPage.objects.live().child_of(module).first()
    if quiz is None:
        return {**attributes, "moveOn": "Completed"}
    return {
        **attributes,
        "moveOn": "CompletedAndPassed",
        "masteryScore": f"{quiz.pass_mark / 100:g}",
    }


def cmi5_xml(module: ModulePage) -> bytes:
    activity = module_activity(module)
    description = activity.description or activity.name
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}courseStructure")
    course = ElementTree.SubElement(
        root, f"{{{NAMESPACE}}}course", {"id": f"{activity.iri}/course"}
    )
    _text(course, "title", activity.name)
    _text(course, "description", description)
    au = ElementTree.SubElement(root, f"{{{NAMESPACE}}}au", au_attributes(module))
    _text(au, "title", activity.name)
    _text(au, "description", description)
    ElementTree.SubElement(au, f"{{{NAMESPACE}}}url").text = settings.SENSI_BASE_URL + module.url
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def package(module: ModulePage) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cmi5.xml", cmi5_xml(module))
    return buffer.getvalue()
