"""A PNG of the theme distribution with Arabic labels shaped and ordered correctly.

matplotlib 3.11 shapes Arabic and runs the bidi algorithm itself, and pre-shaped text
(arabic-reshaper + python-bidi) comes out broken there; before 3.11 raw Arabic comes out as
isolated letters, left to right, and needs reshaper + bidi. Which case holds is found by
rendering two test strings (a capability probe), not assumed from the version number.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from annotator.core.export.options import ExportError
from annotator.core.export.stats import SplitFigures
from annotator.core.resources import resource_path
from annotator.core.scheme import Theme

# Draws the chart PNG at a path; the GUI passes one drawn with Qt where matplotlib is absent
# (the packaged app leaves matplotlib out to stay small).
ChartDrawer = Callable[[Path, list[Theme], list[SplitFigures]], None]

ARABIC_FONT_FILE = "NotoNaskhArabic-Regular.ttf"
FONT_FAMILIES = ["Noto Naskh Arabic", "DejaVu Sans"]  # DejaVu for Latin and as a fallback
SPLIT_ALPHAS = [1.0, 0.6, 0.35, 0.2]
NO_THEME_COLOR = "#9e9e9e"
# "No theme" is hatched, never a solid grey: the split legend's shades are solid greys, and a
# solid grey bar read as a split (train 158 looked like dev 153).
NO_THEME_HATCH = "///"
LEGEND_INK = "#222222"


def _matplotlib():
    try:
        import matplotlib
        from matplotlib import font_manager
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ExportError("no chart drawn: matplotlib is not installed") from None
    return matplotlib, font_manager, Figure, FigureCanvasAgg


def chart_available() -> str | None:
    """None when a chart can be drawn, else the reason it cannot."""
    try:
        _matplotlib()
    except ExportError as error:
        return str(error)
    return None


@functools.cache
def _register_fonts() -> None:
    _, font_manager, _, _ = _matplotlib()
    bundled = resource_path("fonts", ARABIC_FONT_FILE)
    if bundled.exists():
        font_manager.fontManager.addfont(str(bundled))


def _ink(text: str, size: int = 48):
    """Render text alone on an Agg canvas; returns a boolean ink mask cropped to the text."""
    _register_fonts()
    _, _, figure_class, canvas_class = _matplotlib()
    figure = figure_class(figsize=(4, 1.5), dpi=50)
    canvas = canvas_class(figure)
    figure.text(0.5, 0.5, text, fontsize=size, fontfamily=FONT_FAMILIES, ha="center", va="center")
    canvas.draw()
    import numpy as np  # matplotlib's own dependency

    ink = np.asarray(canvas.buffer_rgba())[:, :, 0] < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def renders_joined(text: str) -> bool:
    """Drawn joined: clearly narrower than the same letters kept apart by zero-width non-joiners.

    Joined (medial) forms are narrower than isolated ones: 0.57 to 0.88 of the width measured
    for the words of the default scheme; an engine that does not shape gives 1 or more.
    """
    apart = "\u200c".join(text)
    return _ink(text).shape[1] < 0.92 * _ink(apart).shape[1]


def renders_right_to_left(alef_then_letter: str) -> bool:
    """Alef (tall) followed by a short letter: right to left puts the alef at the right end."""
    ink = _ink(alef_then_letter)
    top = ink[: max(1, ink.shape[0] // 4)]
    tall_columns = top.any(axis=0).nonzero()[0]
    return tall_columns.size > 0 and tall_columns.mean() > ink.shape[1] / 2


@functools.cache
def matplotlib_shapes_arabic() -> bool:
    """True when matplotlib joins Arabic letters and orders them right to left by itself."""
    return renders_joined("\u0628\u0628\u0628") and renders_right_to_left("\u0627\u0628")


def display_text(text: str) -> str:
    """Text as matplotlib must be given it: as stored if it shapes, else reshaped + reordered."""
    if matplotlib_shapes_arabic():
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def _bar_label(theme: Theme | None) -> str:
    if theme is None:
        return display_text("بلا موضوع\nNo theme")
    return display_text(f"{theme.name_ar}\n{theme.name_en}")


def draw_theme_chart(path: Path, themes: list[Theme], figures: list[SplitFigures]) -> None:
    """Horizontal bars: records per theme, one segment per split, plus records with no theme."""
    _register_fonts()
    _, _, figure_class, canvas_class = _matplotlib()
    rows: list[Theme | None] = [*themes, None]
    figure = figure_class(figsize=(8, 2.2 + 0.75 * len(rows)), dpi=110)
    canvas = canvas_class(figure)
    axes = figure.add_subplot()
    _stack_bars(axes, rows, figures)
    axes.set_yticks(
        range(len(rows)), [_bar_label(r) for r in rows], fontfamily=FONT_FAMILIES, fontsize=12
    )
    axes.invert_yaxis()  # first theme on top, as in the app's theme panel
    axes.set_xlabel("records", fontfamily=FONT_FAMILIES)
    axes.set_title(display_text("Records per theme\nعدد الجمل لكل موضوع"), fontfamily=FONT_FAMILIES)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(figures) > 1:
        _split_legend(axes, figures)
    figure.tight_layout()
    canvas.print_png(str(path))


def _split_legend(axes, figures: list[SplitFigures]) -> None:
    """Splits are told apart by shade, so the legend shows shades of grey, not a theme colour."""
    from matplotlib.patches import Patch

    handles = [
        Patch(
            facecolor=LEGEND_INK,
            edgecolor=LEGEND_INK,
            alpha=_alpha(n),
            label=f"{f.name} ({f.target:.0%})",
        )
        for n, f in enumerate(figures)
    ]
    axes.legend(
        handles=handles,
        prop={"family": FONT_FAMILIES},
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=len(handles),
        frameon=False,
    )


def _alpha(split_number: int) -> float:
    return SPLIT_ALPHAS[min(split_number, len(SPLIT_ALPHAS) - 1)]


def _stack_bars(axes, rows: list[Theme | None], figures: list[SplitFigures]) -> None:
    left = [0] * len(rows)
    for n, split in enumerate(figures):
        values = [row_count(split, row) for row in rows]
        colors = [row.color if row else "white" for row in rows]
        bars = axes.barh(range(len(rows)), values, left=left, color=colors, alpha=_alpha(n))
        no_theme = bars[len(rows) - 1]
        no_theme.set_hatch(NO_THEME_HATCH)
        no_theme.set_edgecolor(NO_THEME_COLOR)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in enumerate(left):
        axes.text(total, y, f" {total:,}", va="center", fontsize=9, fontfamily=FONT_FAMILIES)
    axes.set_xlim(0, max(max(left) * 1.12, 1))  # room for the count after the longest bar


def row_count(split: SplitFigures, row: Theme | None) -> int:
    """Records of one split on one chart row: a theme, or None for done with no theme."""
    if row is None:
        return split.statuses.get("done_no_theme", 0)
    return split.themes.get(row.key, 0)
