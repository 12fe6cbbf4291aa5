"""The SBOM (`make sbom`, run by CI) names every pinned package with its version and purl."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINNED = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", re.M)


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()


def test_the_sbom_lists_every_locked_package_with_version_and_purl(tmp_path):
    out = tmp_path / "sbom.json"
    cyclonedx = Path(sys.executable).parent / "cyclonedx-py"
    command = [cyclonedx, "requirements", ROOT / "requirements.lock", "--of", "JSON"]
    subprocess.run([*command, "--validate", "-o", out], check=True, capture_output=True)

    sbom = json.loads(out.read_text())
    listed = {normalised(c["name"]): c for c in sbom["components"]}
    locked = {normalised(n): v for n, v in PINNED.findall((ROOT / "requirements.lock").read_text())}
    assert sbom["bomFormat"] == "CycloneDX"
    assert set(listed) == set(locked)
    for name, version in locked.items():
        assert listed[name]["version"] == version
        assert listed[name]["purl"].lower() == f"pkg:pypi/{name}@{version}".lower()
