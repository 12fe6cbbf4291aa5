"""The cmi5 course package of a module (courses.cmi5_package, `export_cmi5`, the admin button):
cmi5.xml checked against the shape of the cmi5 CourseStructure.xsd (§13.2)."""

import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from lxml import etree

from courses.learning_records import module_activity
from tests.factories import UserFactory, home_page, module_page, sign_in_with_mfa

pytestmark = pytest.mark.django_db

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

# The parts of the cmi5 CourseStructure schema a one-AU course uses (element order, required
# attributes and their value spaces), written for this test.
SCHEMA = f"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{NS}" targetNamespace="{NS}"
           elementFormDefault="qualified">
  <xs:element name="courseStructure">
    <xs:complexType><xs:sequence>
      <xs:element name="course">
        <xs:complexType><xs:sequence>
          <xs:element name="title" type="textType"/>
          <xs:element name="description" type="textType"/>
        </xs:sequence><xs:attribute name="id" type="xs:anyURI" use="required"/></xs:complexType>
      </xs:element>
      <xs:element name="au" type="auType" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>
  </xs:element>
  <xs:complexType name="auType">
    <xs:sequence>
      <xs:element name="title" type="textType"/>
      <xs:element name="description" type="textType"/>
      <xs:element name="url"><xs:simpleType><xs:restriction base="xs:anyURI">
        <xs:minLength value="1"/></xs:restriction></xs:simpleType></xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="xs:anyURI" use="required"/>
    <xs:attribute name="moveOn"><xs:simpleType><xs:restriction base="xs:string">
      <xs:enumeration value="NotApplicable"/><xs:enumeration value="Passed"/>
      <xs:enumeration value="Completed"/><xs:enumeration value="CompletedAndPassed"/>
      <xs:enumeration value="CompletedOrPassed"/></xs:restriction></xs:simpleType></xs:attribute>
    <xs:attribute name="masteryScore"><xs:simpleType><xs:restriction base="xs:decimal">
      <xs:minInclusive value="0"/><xs:maxInclusive value="1"/></xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="launchMethod"><xs:simpleType><xs:restriction base="xs:string">
      <xs:enumeration value="AnyWindow"/><xs:enumeration value="OwnWindow"/>
    </xs:restriction></xs:simpleType></xs:attribute>
  </xs:complexType>
  <xs:complexType name="textType"><xs:sequence>
    <xs:element name="langstring" maxOccurs="unbounded">
      <xs:complexType><xs:simpleContent><xs:extension base="xs:string">
        <xs:attribute name="lang" type="xs:language"/>
      </xs:extension></xs:simpleContent></xs:complexType>
    </xs:element>
  </xs:sequence></xs:complexType>
</xs:schema>"""


def cmi5_xml(data: bytes) -> etree._Element:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["cmi5.xml"]
    root = etree.fromstring(archive.read("cmi5.xml"))
    schema = etree.XMLSchema(etree.fromstring(SCHEMA.encode()))
    schema.assertValid(root)
    return root


def test_export_cmi5_writes_a_valid_course_structure(tmp_path, settings):
    module = module_page(slug="phishing", pass_mark=75)
    english_home = home_page("en")
    with translation.override("en"):
        english = module.copy_for_translation(english_home.locale)
        english.title = "Spotting phishing"
        english.summary = "In short."
        english.save_revision().publish()
    out = tmp_path / "phishing.zip"
    call_command("export_cmi5", "phishing", str(out), verbosity=0)
    root = cmi5_xml(out.read_bytes())
    au = root.find(f"{{{NS}}}au")
    assert au.get("id") == module_activity(module).iri
    assert au.get("moveOn") == "CompletedAndPassed"
    assert au.get("masteryScore") == "0.75"
    assert au.get("launchMethod") == "OwnWindow"
    assert au.findtext(f"{{{NS}}}url") == settings.SENSI_BASE_URL + module.url
    titles = {s.get("lang"): s.text for s in au.find(f"{{{NS}}}title")}
    assert titles == {"de-DE": "Phishing erkennen", "en-US": "Spotting phishing"}
    descriptions = {s.get("lang"): s.text for s in au.find(f"{{{NS}}}description")}
    assert descriptions == {"de-DE": "Kurz erklärt.", "en-US": "In short."}
    course = root.find(f"{{{NS}}}course")
    assert course.get("id") != au.get("id")


def test_module_without_quiz_moves_on_when_completed(tmp_path):
    module_page(slug="ohne-test", questions=[])
    out = tmp_path / "m.zip"
    call_command("export_cmi5", "ohne-test", str(out), verbosity=0)
    au = cmi5_xml(out.read_bytes()).find(f"{{{NS}}}au")
    assert au.get("moveOn") == "Completed" and au.get("masteryScore") is None


def test_unknown_module_is_a_command_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_cmi5", "gibt-es-nicht", str(tmp_path / "x.zip"))


def test_editors_download_the_cmi5_package_from_the_page_menu(client):
    module = module_page()
    sign_in_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    page = client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    assert f"/admin/module/{module.pk}/cmi5.zip" in page
    response = client.get(f"/admin/module/{module.pk}/cmi5.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    cmi5_xml(response.content)
    client.force_login(UserFactory())
    assert client.get(f"/admin/module/{module.pk}/cmi5.zip").status_code in (302, 403)
