"""The tables of the dataset card (card.py puts them together)."""

from __future__ import annotations

from collections import Counter


def cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def counts_table(context) -> str:
    keys = [t.key for t in context.themes]
    header = ["split", "target", "articles", "records", "share", *keys, "unlabelled"]
    rows = []
    for f in context.figures:
        labelled = f.statuses.get("done_with_themes", 0)
        rows.append(
            [
                f.name or "all",
                f"{f.target:.0%}",
                f"{f.articles:,}",
                f"{f.units:,}",
                f"{f.unit_share:.1%}",
                *(f"{f.themes.get(k, 0):,}" for k in keys),
                f"{f.units - labelled:,}",
            ]
        )
    status_rows = [
        [f.name or "all", *(f"{f.statuses.get(s, 0):,}" for s in _STATUS_ORDER)]
        for f in context.figures
    ]
    return (
        "## Counts per theme and split\n\nRecords carrying each theme (a record can carry "
        "several).\n\n"
        + table(header, rows)
        + "\n\nRecords by status:\n\n"
        + table(["split", *_STATUS_ORDER], status_rows)
    )


_STATUS_ORDER = ["done_with_themes", "done_no_theme", "skipped", "not_seen"]


def chart_line(context) -> str:
    if context.chart is None:
        return "(No chart: matplotlib is not installed.)"
    return f"![Records per theme and split]({context.chart.name})"


def themes_table(context) -> str:
    totals = Counter()
    for f in context.figures:
        totals.update(f.themes)
    rows = [
        [
            f"`{t.key}`",
            t.name_ar,
            t.name_en,
            t.definition_ar or "-",
            t.definition_en or "-",
            f"{totals.get(t.key, 0):,}" + (" (retired)" if t.retired else ""),
        ]
        for t in context.themes
    ]
    header = ["key", "الاسم", "name", "التعريف", "definition", "records"]
    return "## Themes\n\n" + table(header, rows)


def cooccurrence_table(context) -> str:
    keys = [t.key for t in context.themes]
    totals = Counter()
    for f in context.figures:
        totals.update(f.themes)
    pairs = context.cooccurrence
    rows = [[f"`{a}`", *(f"{pair_count(pairs, totals, a, b):,}" for b in keys)] for a in keys]
    return (
        "## Theme co-occurrence\n\nRecords labelled with both themes (the diagonal: with that "
        "theme at all).\n\n" + table(["", *(f"`{k}`" for k in keys)], rows)
    )


def pair_count(pairs: Counter, totals: Counter, a: str, b: str) -> int:
    if a == b:
        return totals.get(a, 0)
    return pairs.get((a, b), 0) + pairs.get((b, a), 0)


def agreement_section(report) -> str:
    """Krippendorff's alpha per theme and over label sets, with the reading guide."""
    if report is None or not report.units:
        return ""
    rows = [
        [f"`{t.theme}`", f"{t.units:,}", _alpha(t.alpha), _reading(t.alpha)] for t in report.themes
    ]
    sets = report.label_sets
    rows.append(["label sets (MASI)", f"{sets.units:,}", _alpha(sets.alpha), _reading(sets.alpha)])
    return (
        "## Agreement\n\nOn the sentences two or more annotators finished: Krippendorff's alpha"
        " (nominal, per theme; over whole label sets with the MASI distance) with a 95% bootstrap"
        " interval. Reading (Krippendorff): 0.8 or more reliable, 0.667 to 0.8 tentative, below"
        " that not reliable. `annotator agreement` gives every figure (kappas, pairs).\n\n"
        + table(["theme", "units", "alpha [95% interval]", "reading"], rows)
    )


def _alpha(alpha) -> str:
    if alpha.value is None:
        return "undefined"
    interval = "" if alpha.low is None else f" [{alpha.low:.3f}, {alpha.high:.3f}]"
    return f"{alpha.value:.3f}{interval}"


def _reading(alpha) -> str:
    return "-" if alpha.reading is None else str(alpha.reading.value).replace("_", " ")
