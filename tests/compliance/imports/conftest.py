import pytest
from django.utils import translation

from tests.factories import dienststelle, ressort


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in their English source text, whatever the German catalogue says."""
    with translation.override("en"):
        yield


@pytest.fixture
def org():
    """Two Ressorts; HMdIS-Z1 is an office below HMdIS-Z."""
    innern = ressort("HMdIS", "Ministerium des Innern")
    finanzen = ressort("HMdF", "Ministerium der Finanzen")
    central = dienststelle("HMdIS-Z", of=innern)
    return {
        "HMdIS": innern,
        "HMdF": finanzen,
        "HMdIS-Z": central,
        "HMdIS-Z1": dienststelle("HMdIS-Z1", parent=central, name="Referat Z1"),
        "HMdF-OFD": dienststelle("HMdF-OFD", of=finanzen, name="Oberfinanzdirektion"),
    }
