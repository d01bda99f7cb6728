"""The Qt-drawn chart used where matplotlib is absent (the packaged app)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from annotator.core.export.stats import SplitFigures
from annotator.core.scheme import load_default_scheme
from annotator.gui import qt_chart

pytestmark = pytest.mark.gui


def figures(military: int, economic: int) -> list[SplitFigures]:
    themes = {"military": military, "economic": economic, "reconstruction": 0}
    return [SplitFigures(None, 1.0, 5, 50, 1.0, themes, {}, {"done_no_theme": 10})]


def bar_width(image: QImage, row: int, color: str) -> int:
    """Pixels of exactly the theme colour across the middle of a chart row."""
    y = qt_chart.TOP + row * qt_chart.ROW_HEIGHT + qt_chart.ROW_HEIGHT // 2
    wanted = QColor(color).rgb()
    return sum(1 for x in range(image.width()) if image.pixel(x, y) == wanted)


def test_bars_are_proportional_to_the_counts(qapp, tmp_path):
    themes = load_default_scheme()
    path = tmp_path / "chart.png"
    qt_chart.draw_theme_chart_qt(path, themes, figures(military=120, economic=200))
    image = QImage(str(path))
    assert image.width() == qt_chart.WIDTH
    military = bar_width(image, 0, themes[0].color)
    economic = bar_width(image, 1, themes[1].color)
    assert military > 50
    assert economic / military == pytest.approx(200 / 120, rel=0.02)
    assert bar_width(image, 2, themes[2].color) == 0  # no reconstruction labels, no bar


def test_the_gui_uses_qt_only_where_matplotlib_is_missing(monkeypatch):
    monkeypatch.setattr(qt_chart, "chart_available", lambda: None)
    assert qt_chart.chart_drawer() is None  # matplotlib draws it, as from the command line
    monkeypatch.setattr(qt_chart, "chart_available", lambda: "no chart drawn: no matplotlib")
    assert qt_chart.chart_drawer() is qt_chart.draw_theme_chart_qt


def test_an_export_without_matplotlib_still_gets_its_chart(qapp, tmp_path, monkeypatch):
    from annotator.core.export import runner
    from annotator.core.export.options import ExportOptions
    from annotator.storage.export_queries import ExportSnapshot
    from annotator.storage.store import Store
    from tests.factories import make_article

    monkeypatch.setattr(runner, "chart_available", lambda: "no chart drawn: no matplotlib")
    with Store(tmp_path / "p.annotator") as store:
        store.articles.add([make_article("عنوان", ["جملة عن الجيش.", "جملة عن الاقتصاد."])])
        store.labels.set_themes(store.articles.units(1)[1].id, "mona", ["military"])
    out = tmp_path / "out" / "data.jsonl"
    with ExportSnapshot(tmp_path / "p.annotator") as snapshot:
        result = runner.export_dataset(
            snapshot, ExportOptions("jsonl", out), draw_chart=qt_chart.draw_theme_chart_qt
        )
    assert result.chart is not None and QImage(str(result.chart)).width() == qt_chart.WIDTH
    assert not result.warnings
