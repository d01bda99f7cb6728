"""The translation catalogues: complete, current, and safe to format."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.gui.i18n import translations_dir

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def messages(language: str):
    tree = ET.parse(translations_dir() / f"annotator_{language}.ts")
    assert tree.getroot().get("language") == language
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            yield context.findtext("name"), message, forms or [translation.text or ""]


def test_every_arabic_string_is_translated_with_its_placeholders():
    count = 0
    for context, message, forms in messages("ar"):
        source = message.findtext("source")
        assert message.find("translation").get("type") is None, (context, source)
        wanted = sorted(set(PLACEHOLDER.findall(source)) - {"%n"})
        for form in forms:
            assert form.strip(), (context, source)
            assert sorted(set(PLACEHOLDER.findall(form)) - {"%n"}) == wanted, (context, form)
            assert form.count("&") == source.count("&") <= 1, (context, form)
            assert not PRESENTATION_FORMS.search(form), (context, form)
        if message.get("numerus") == "yes":
            assert len(forms) == 6  # Arabic: zero, one, two, few, many, other
            assert all("%n" in f for f in forms[3:]), (context, source)
        count += 1
    assert count > 150


def test_english_catalogue_holds_the_plural_forms():
    plural = list(messages("en"))
    assert plural and all(m.get("numerus") == "yes" for _, m, _ in plural)
    assert all(len(forms) == 2 and all("%n" in f for f in forms) for _, _, forms in plural)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_compiled_catalogue_is_present(language):
    compiled = translations_dir() / f"annotator_{language}.qm"
    assert compiled.stat().st_size > 100


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_catalogue_is_current_with_the_source(tmp_path):
    """Fails when interface text changed without `python -m annotator.gui.i18n`."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations_dir() / "annotator_ar.ts", fresh)
    sources = sorted(str(p) for p in (REPO / "annotator" / "gui").glob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = {(c, m.findtext("source")) for c, m, _ in messages("ar")}
    current = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
    }
    assert current == committed, (
        f"new: {sorted(current - committed)}; gone: {sorted(committed - current)}."
        " Run `python -m annotator.gui.i18n` and translate the new strings."
    )
