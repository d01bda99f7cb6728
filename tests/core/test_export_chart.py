"""The theme chart: Arabic labels shaped and right to left, decided by what matplotlib does."""

from __future__ import annotations

import re

import arabic_reshaper
import matplotlib
import pytest
from bidi import get_display

from annotator.core.export import chart
from annotator.core.export.stats import SplitFigures
from annotator.core.scheme import load_default_scheme

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ALEF_BEH = "\u0627\u0628"
MATPLOTLIB = tuple(int(part) for part in matplotlib.__version__.split(".")[:2])


def test_the_probe_agrees_with_the_version_measured_on_these_machines():
    # 3.10.9 drew isolated letters left to right; 3.11.2 shapes (shared/guides/ARABIC_TEXT.md).
    assert chart.matplotlib_shapes_arabic() == (MATPLOTLIB >= (3, 11))


def test_labels_are_shaped_and_right_to_left_as_drawn():
    for theme in load_default_scheme():
        assert chart.renders_joined(chart.display_text(theme.name_ar)), theme.name_ar
    assert chart.renders_right_to_left(chart.display_text(ALEF_BEH))


@pytest.mark.skipif(MATPLOTLIB < (3, 11), reason="the regression concerns shaping matplotlib")
def test_pre_shaped_text_would_come_out_reversed_where_matplotlib_shapes():
    # What the guide warns about: reshaper + bidi on top of matplotlib's own shaping.
    assert not chart.renders_right_to_left(get_display(arabic_reshaper.reshape(ALEF_BEH)))
    assert not PRESENTATION_FORMS.search(chart.display_text("عسكري"))


def test_without_shaping_matplotlib_the_labels_are_reshaped_and_reordered(monkeypatch):
    monkeypatch.setattr(chart, "matplotlib_shapes_arabic", lambda: False)
    shown = chart.display_text("إعادة الإعمار\nReconstruction")
    arabic, english = shown.split("\n")
    assert PRESENTATION_FORMS.search(arabic)
    assert arabic == get_display(arabic_reshaper.reshape("إعادة الإعمار"))
    assert english == "Reconstruction"


def test_the_chart_is_a_png_with_every_theme(tmp_path):
    figures = [
        SplitFigures(
            "train", 0.8, 3, 40, 0.8, {"military": 12, "economic": 5}, {}, {"done_no_theme": 9}
        ),
        SplitFigures("test", 0.2, 1, 10, 0.2, {"military": 3}, {}, {"done_no_theme": 2}),
    ]
    path = tmp_path / "themes.png"
    chart.draw_theme_chart(path, load_default_scheme(), figures)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 880 and height > 400
