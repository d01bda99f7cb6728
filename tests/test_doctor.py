"""`annotator doctor`: a readable report, JSON on request, exit 1 on any failure."""

from __future__ import annotations

import json
import sys

from annotator.cli.commands import doctor
from annotator.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["doctor", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_doctor_passes_from_source_and_names_every_check(capsys):
    code, out, _ = run(capsys)
    assert code == 0, out
    for name in (
        "qt_platform",
        "fonts",
        "arabic_coverage",
        "arabic_shaping",
        "translations",
        "data_folder",
        "sqlite",
    ):
        assert f" {name} " in out
    assert "FAIL" not in out
    assert "Noto Naskh Arabic" in out and "WAL" in out


def test_doctor_json_lists_checks_with_results(capsys):
    code, out, _ = run(capsys, "--json")
    checks = {c["name"]: c for c in json.loads(out)}
    assert code == 0
    assert checks["qt_platform"]["ok"] and "offscreen" in checks["qt_platform"]["detail"]
    assert checks["arabic_coverage"]["ok"] and checks["sqlite"]["ok"]
    assert all(c["severity"] in ("error", "warning") for c in checks.values())


def test_unwritable_data_folder_fails(capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(doctor, "data_dir", lambda: blocker / "annotator")
    code, out, _ = run(capsys)
    assert code == 1
    assert "FAIL  data_folder" in out and "FAIL  sqlite" in out
    assert "problem(s) found" in out


def test_a_platform_plugin_that_aborts_is_reported(capsys, monkeypatch):
    crash = (
        "import sys; sys.stderr.write('qt.qpa.plugin: Could not load the Qt platform plugin "
        '"xcb" in "" even though it was found.\\n\'); sys.exit(134)'
    )
    monkeypatch.setattr(doctor, "probe_command", lambda platform: [sys.executable, "-c", crash])
    code, out, _ = run(capsys, "--platform", "xcb")
    assert code == 1
    assert "FAIL  qt_platform" in out and "Could not load the Qt platform plugin" in out
    assert "libxcb-cursor0" in out  # the install hint


def test_probe_runs_as_module_from_source_and_as_flag_when_frozen(monkeypatch):
    assert doctor.probe_command("offscreen") == [
        sys.executable,
        "-m",
        "annotator.gui.probe",
        "--platform",
        "offscreen",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert doctor.probe_command(None) == [sys.executable, "--qt-probe"]


def test_platform_is_offscreen_without_a_display(monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    expected = "offscreen" if sys.platform.startswith("linux") else None
    assert doctor.probe_platform(None) == expected
    monkeypatch.setenv("DISPLAY", ":0")
    assert doctor.probe_platform(None) is None
    assert doctor.probe_platform("xcb") == "xcb"
