"""A module as a TinCan package for Moodle's TinCan Launch plugin: a zip whose tincan.xml
names the module's activity id and its launch URL on this Sensi."""

import io
import zipfile
from xml.etree import ElementTree

from django.conf import settings

from xapi.activities import language_tag

from .learning_records import module_activity
from .models import ModulePage

NAMESPACE = "http://projecttincan.com/tincan.xsd"


def tincan_xml(module: ModulePage) -> bytes:
    activity = module_activity(module)
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}tincan")
    activities = ElementTree.SubElement(root, f"{{{NAMESPACE}}}activities")
    element = ElementTree.SubElement(
        activities, f"{{{NAMESPACE}}}activity", {"id": activity.iri, "type": activity.type}
    )
    for tag, name in activity.name.items():
        ElementTree.SubElement(element, f"{{{NAMESPACE}}}name", {"lang": tag}).text = name
    for tag, text in activity.description.items():
        ElementTree.SubElement(element, f"{{{NAMESPACE}}}description", {"lang": tag}).text = text
    launch = ElementTree.SubElement(
        element, f"{{{NAMESPACE}}}launch", {"lang": language_tag(module.locale.language_code)}
    )
    launch.text = settings.SENSI_BASE_URL + module.url
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def package(module: ModulePage) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tincan.xml", tincan_xml(module))
    return buffer.getvalue()
