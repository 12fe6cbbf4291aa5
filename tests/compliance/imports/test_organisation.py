"""The organisation import: Ressorts and Dienststellen (compliance.imports.organisation)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from compliance.models import Dienststelle, Ressort
from tests.compliance.imports.hr_data import (
    csv_file,
    existing,
    org_file,
)

pytestmark = pytest.mark.django_db


def run_org(tmp_path, data: bytes, *options) -> str:
    path = tmp_path / "organisation.csv"
    path.write_bytes(data)
    out = StringIO()
    call_command("import_organisation", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue()


def tree():
    """(code, Ressort code, parent code, name) of every Dienststelle."""
    return sorted(
        (
            node.code,
            node.ressort.code,
            parent.code if (parent := node.get_parent()) else None,
            node.name,
        )
        for node in Dienststelle.objects.select_related("ressort")
    )


def test_an_organisation_file_creates_ressorts_and_nested_dienststellen(tmp_path):
    data = org_file(
        "Dienststelle;HMdIS-Z1;Referat Z 1;HMdIS;HMdIS-Z",  # before its parent
        "Ressort;HMdIS;Hessisches Ministerium des Innern und für Sport;;",
        "Dienststelle;HMdIS-Z;Zentralabteilung;HMdIS;",
        "Dienststelle;HMdIS-Z1a;Sachgebiet Z 1a;hmdis;hmdis-z1",
        encoding="cp1252",
    )

    out = run_org(tmp_path, data)

    assert "created: 4" in out
    assert tree() == [
        ("HMdIS-Z", "HMdIS", None, "Zentralabteilung"),
        ("HMdIS-Z1", "HMdIS", "HMdIS-Z", "Referat Z 1"),
        ("HMdIS-Z1a", "HMdIS", "HMdIS-Z1", "Sachgebiet Z 1a"),
    ]


def test_importing_the_organisation_twice_changes_nothing(tmp_path, org):
    data = org_file(
        "Ressort;HMdIS;Ministerium des Innern;;",
        "Dienststelle;HMdIS-Z;Zentralabteilung;HMdIS;",
        "Dienststelle;HMdIS-Z1;Referat Z1;HMdIS;HMdIS-Z",
    )
    before = tree()
    out = run_org(tmp_path, data)
    assert "unchanged: 3" in out and "created: 0" in out
    assert tree() == before


def test_the_organisation_import_renames_and_moves_within_the_ressort(tmp_path, org):
    person = existing("1001", org["HMdIS-Z1"])
    data = org_file(
        "Dienststelle;HMdIS-Z1;Stabsstelle Z1;HMdIS;",  # to the top level, renamed
        "Dienststelle;HMdIS-Z2;Referat Z2;HMdIS;HMdIS-Z1",
    )

    out = run_org(tmp_path, data)

    assert "created: 1" in out and "updated: 1" in out
    assert ("HMdIS-Z1", "HMdIS", None, "Stabsstelle Z1") in tree()
    assert ("HMdIS-Z2", "HMdIS", "HMdIS-Z1", "Referat Z2") in tree()
    assert ("HMdIS-Z", "HMdIS", None, "Zentralabteilung") in tree()  # not in the file: kept
    person.refresh_from_db()
    assert person.dienststelle.code == "HMdIS-Z1"


def test_an_organisation_dry_run_changes_nothing(tmp_path, org):
    before = tree()
    out = run_org(tmp_path, org_file("Dienststelle;HMdIS-Z9;Neu;HMdIS;HMdIS-Z1"), "--dry-run")
    assert "Dry run" in out and "created: 1" in out
    assert tree() == before


BAD_ORGANISATION_FILES = {
    "missing-column": (
        csv_file("Ressort;HMdJ;Justiz;", header="Art;Kürzel;Name;Übergeordnet"),
        1,
        "Missing columns: Ressort.",
    ),
    "unknown-kind": (org_file("Ressort;HMdJ;Justiz;;", "Amt;X;Y;HMdJ;"), 3, "“Art” must be"),
    "unknown-ressort": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdQ;"),
        3,
        "Unknown Ressort “HMdQ”.",
    ),
    "unknown-parent": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdJ;NOPE"),
        3,
        "Unknown parent Dienststelle “NOPE”.",
    ),
    "parent-of-another-ressort": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdJ;HMdF-OFD"),
        3,
        "“HMdF-OFD” belongs to another Ressort.",
    ),
    "cycle": (
        org_file("Dienststelle;A;A;HMdIS;B", "Dienststelle;B;B;HMdIS;A"),
        2,
        "would be placed below itself",
    ),
    "below-its-own-child": (
        org_file("Dienststelle;HMdIS-Z;Zentral;HMdIS;HMdIS-Z1"),
        2,
        "“HMdIS-Z” would be placed below itself",
    ),
    "another-ressort-for-an-existing-office": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;HMdIS-Z1;Z1;HMdF;"),
        3,
        "does not move a Dienststelle to another Ressort",
    ),
    "duplicate-code": (
        org_file("Dienststelle;X;Eins;HMdIS;", "Dienststelle;x;Zwei;HMdIS;"),
        3,
        "appears more than once in column “Kürzel” (lines 2, 3)",
    ),
    "ressort-with-parent": (org_file("Ressort;HMdJ;Justiz;HMdIS;"), 2, "Leave “Ressort”"),
    "ressort-code-too-long": (org_file("Ressort;" + "R" * 21 + ";Justiz;;"), 2, "at most 20"),
    "empty-name": (org_file("Dienststelle;X;;HMdIS;"), 2, "“Name” is empty."),
}


@pytest.mark.parametrize(
    "data,line_number,message", BAD_ORGANISATION_FILES.values(), ids=BAD_ORGANISATION_FILES.keys()
)
def test_a_bad_organisation_file_is_refused_with_line_and_reason(
    tmp_path, org, data, line_number, message
):
    before = (tree(), sorted(Ressort.objects.values_list("code", "name")))
    path = tmp_path / "organisation.csv"
    path.write_bytes(data)
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_organisation", str(path), stdout=StringIO(), stderr=err)

    problem = next(t for t in err.getvalue().splitlines() if t.startswith(f"Line {line_number}: "))
    assert message in problem
    assert (tree(), sorted(Ressort.objects.values_list("code", "name"))) == before
