"""The offline advisory check finds an affected pin and says what it checked."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def check(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    return load("check_advisories")


ADVISORY = {"id": "PYSEC-TEST", "versions": ["1.0.1"], "ranges": [[{"introduced": "0"}, {"fixed": "1.2"}]]}


@pytest.mark.parametrize(("version", "affected"), [("1.0.1", True), ("1.1.9", True), ("1.2", False), ("2.0", False)])
def test_a_version_is_affected_from_introduced_up_to_fixed(check, version, affected):
    assert check.is_affected(version, ADVISORY) is affected


def test_last_affected_includes_that_version_and_no_later(check):
    advisory = {"versions": [], "ranges": [[{"introduced": "2.0"}, {"last_affected": "2.3"}]]}
    assert check.is_affected("2.3", advisory)
    assert not check.is_affected("2.3.1", advisory)
    assert not check.is_affected("1.9", advisory)


def test_the_snapshot_holds_advisories_for_every_pinned_package_name(check):
    snapshot = json.loads((ROOT / "security/advisories.json").read_text(encoding="utf-8"))
    pins = load("pins").pinned_versions(ROOT)
    assert set(pins) <= set(snapshot["packages"])
    # A known old Django advisory is in the snapshot and would flag an old pin.
    django = [advisory for advisory in snapshot["advisories"] if advisory["package"] == "django"]
    assert any(check.is_affected("4.2", advisory) for advisory in django)
    assert not any(check.is_affected(pins["django"], advisory) for advisory in django)


def test_the_check_passes_on_the_pinned_versions_and_names_its_snapshot(check, capsys):
    assert check.main() == 0
    printed = capsys.readouterr().out
    assert "dated 20" in printed
    assert "django==" in printed
