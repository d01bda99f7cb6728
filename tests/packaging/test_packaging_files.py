"""The installer files agree with the app: MIME magic and glob, desktop entry, versions, filters."""

from __future__ import annotations

import configparser
import importlib.util
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator import __version__
from annotator.app.paths import PROJECT_SUFFIX
from annotator.storage.schema import APPLICATION_ID

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
FIXTURE = next((REPO / "tests" / "fixtures" / "schemas").glob("schema-*.annotator"))


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


templates = load("render_templates", PACKAGING / "render_templates.py")
bundle_filter = load("bundle_filter", PACKAGING / "bundle_filter.py")


def mime_type():
    return ET.parse(LINUX / "annotator-mime.xml").getroot().find("m:mime-type", MIME_NS)


def test_mime_glob_is_the_project_suffix():
    assert mime_type().get("type") == "application/x-annotator-project"
    assert mime_type().find("m:glob", MIME_NS).get("pattern") == "*" + PROJECT_SUFFIX


def test_mime_magic_matches_a_real_project_file():
    outer = mime_type().find("m:magic/m:match", MIME_NS)
    inner = outer.find("m:match", MIME_NS)
    header = outer.get("value").replace("\\000", "\0").encode()
    data = FIXTURE.read_bytes()
    assert data[int(outer.get("offset")) :].startswith(header) and header.endswith(b"\0")
    assert inner.get("type") == "big32" and int(inner.get("value"), 16) == APPLICATION_ID
    offset = int(inner.get("offset"))
    assert struct.unpack(">I", data[offset : offset + 4])[0] == APPLICATION_ID


def test_desktop_entry_opens_projects_with_the_app_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "annotator.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "annotator %f" and desktop["Icon"] == "annotator"
    assert "application/x-annotator-project" in desktop["MimeType"].split(";")
    assert (REPO / "resources" / "icons" / "annotator.svg").is_file()
    assert (REPO / "resources" / "icons" / "application-x-annotator-project.svg").is_file()


def test_launcher_turns_one_project_path_into_db(tmp_path):
    project = tmp_path / "x.annotator"
    project.write_bytes(b"")
    script = (
        (LINUX / "annotator.sh")
        .read_text()
        .replace("exec /opt/annotator/annotator", "printf '%s|' ")
    )
    launcher = tmp_path / "annotator.sh"
    launcher.write_text(script)

    def call(*args: str, env: dict | None = None) -> str:
        return subprocess.run(
            ["sh", str(launcher), *args], capture_output=True, text=True, env=env, check=True
        ).stdout

    assert call(str(project)) == f"--db|{project}|"
    assert call("import", str(project)) == f"import|{project}|"
    assert call("stats") == "stats|"


def test_versions_come_from_the_package():
    values = templates.values()
    assert values["VERSION"] == __version__
    assert templates.deb_version("1.2.0rc1") == "1.2.0~rc1"
    assert templates.deb_version("1.2.0.dev3") == "1.2.0~dev3"
    assert templates.deb_version("0.1.0", "+ci1") == "0.1.0+ci1"
    assert templates.win_version("1.2") == "1.2.0.0"


@pytest.mark.parametrize(
    "template",
    [
        LINUX / "control.in",
        LINUX / "org.annotator.Annotator.metainfo.xml.in",
        PACKAGING / "windows" / "annotator.iss.in",
    ],
    ids=lambda p: p.name,
)
def test_templates_fill_every_placeholder(template):
    values = {
        **templates.values(),
        "ARCH": "amd64",
        "MAINTAINER": "m",
        "INSTALLED_SIZE": "1",
        "DEPENDS": "libc6",
        "RECOMMENDS": "",
    }
    text = templates.render(template.read_text(encoding="utf-8"), values)
    assert not re.search(r"@[A-Z_]+@", text)
    assert __version__ in text or templates.deb_version(__version__) in text


def test_bundle_filter_keeps_what_the_app_needs():
    keep = bundle_filter.keep_binary
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/platforms/qwindows.dll")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/lib/libQt6Quick.so.6") and not keep("libQt6Network.so.6")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6") and keep("PySide6/Qt/lib/libQt6Svg.so.6")
    assert keep("pyarrow/libarrow.so.2600") and not keep("pyarrow/libarrow_flight.so.2600")
    assert keep("libsqlite3.so.0")
    assert bundle_filter.keep_data("PySide6/Qt/translations/qtbase_ar.qm")
    assert not bundle_filter.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle_filter.keep_data("babel/locale-data/ar.dat")
    assert not bundle_filter.keep_data("babel/locale-data/fr.dat")
    if sys.platform.startswith("linux"):
        assert not keep("libxcb-cursor.so.0") and not keep("libstdc++.so.6")


def test_spec_and_scripts_are_valid_python():
    for path in [PACKAGING / "annotator.spec", *PACKAGING.rglob("*.py")]:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_icons_render_to_every_size(tmp_path):
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "icons.py"), "render", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for size in (16, 32, 48, 128, 256, 512):
        png = (tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
        assert (
            tmp_path
            / "hicolor"
            / f"{size}x{size}"
            / "mimetypes"
            / "application-x-annotator-project.png"
        ).is_file()
    assert (tmp_path / "annotator.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (tmp_path / "annotator.icns").read_bytes()[:4] == b"icns"
