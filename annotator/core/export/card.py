"""The dataset card: a README.md beside the export saying what is inside and how it was made.

The YAML header follows the Hugging Face dataset-card convention, so `datasets.load_dataset`
on the export folder finds every split by its name with no glue code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from annotator.core.export.card_header import front_matter
from annotator.core.export.card_tables import (
    agreement_section,
    cell,
    chart_line,
    cooccurrence_table,
    counts_table,
    table,
    themes_table,
)
from annotator.core.export.options import ExportOptions
from annotator.core.export.source import AnnotatorSummary
from annotator.core.export.stats import SplitFigures, worst_deviation
from annotator.core.export.suggested import SUGGESTION_FIELD_ROWS
from annotator.core.scheme import Theme

MARKER = "<!-- written by annotator export; it is replaced by the next export -->"
CHART_NAME = "themes.png"
CARD_HEAD_CHARS = 1_000_000  # enough for the header of any card an export writes


@dataclass(frozen=True)
class CardContext:
    options: ExportOptions
    themes: list[Theme]
    annotators: list[AnnotatorSummary]
    figures: list[SplitFigures]
    cooccurrence: Counter[tuple[str, str]]
    chart: Path | None
    version: str
    decided: dict[str, int] | None = None  # --resolve adjudicated: units each rule decided
    agreement: object | None = None  # an AgreementReport, when two or more annotators finished


def card_paths(options: ExportOptions) -> tuple[Path, Path]:
    """README.md (and the chart) beside the data; never over a README that someone else wrote
    (the card is then NAME.README.md, or dataset.README.md in a split folder)."""
    folder = options.folder()
    stem = "dataset" if options.splits else options.out.stem
    chart = folder / (CHART_NAME if options.splits else f"{stem}.{CHART_NAME}")
    readme = folder / "README.md"
    if readme.exists() and not written_by_export(readme):
        readme = folder / f"{stem}.README.md"
    return readme, chart


def written_by_export(readme: Path) -> bool:
    """A card an export wrote: MARKER is the first thing after its YAML header.

    The header (data files, features per annotator) can run to any length, so the marker is
    found by skipping it, not by looking at the first few hundred characters.
    """
    try:
        with readme.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(CARD_HEAD_CHARS).replace("\r\n", "\n")
    except OSError:
        return False
    return _after_front_matter(head).lstrip().startswith(MARKER)


def _after_front_matter(text: str) -> str:
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    return text[end + len("\n---\n") :] if end >= 0 else ""


def render_card(context: CardContext) -> str:
    sections = [
        _front_matter(context),
        MARKER,
        _summary(context),
        counts_table(context),
        chart_line(context),
        themes_table(context),
        cooccurrence_table(context),
        agreement_section(context.agreement),
        _balance(context),
        _annotators_table(context),
        _fields(context.options.with_suggestions),
        _loading(context),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _front_matter(context: CardContext) -> str:
    return front_matter(
        context.options,
        [f.name for f in context.figures],
        [a.name for a in context.annotators],
        [t.key for t in context.themes],
    )


_FORMAT_NAMES = {"jsonl": "JSON Lines", "csv": "CSV (UTF-8 with BOM)", "parquet": "Parquet"}


def _label_rule(options: ExportOptions) -> str:
    if options.annotator is not None:
        return f"the labels of annotator **{cell(options.annotator)}**"
    rules = {
        "majority": "a theme is kept when more than half of the annotators who finished the "
        "unit chose it (a tie, exactly half, leaves it out)",
        "unanimous": "a theme is kept when every annotator who finished the unit chose it",
        "any": "a theme is kept when at least one annotator who finished the unit chose it",
        "adjudicated": "a lead's decision where the annotators disagreed and a lead reviewed"
        " the unit, the majority of the annotators who finished it elsewhere",
    }
    return f"resolved across annotators by **{options.resolve}**: {rules[options.resolve]}"


def _decided(decided: dict[str, int] | None) -> str:
    lead, vote = (decided or {}).get("adjudication", 0), (decided or {}).get("majority", 0)
    return f"{lead:,} units were decided by a lead, {vote:,} by the majority. " if decided else ""


def _summary(context: CardContext) -> str:
    options, figures = context.options, context.figures
    records, articles = sum(f.units for f in figures), sum(f.articles for f in figures)
    scope = (
        "only units marked done"
        if options.only_done
        else "every unit, unlabelled ones with `labels: []` and their status"
    )
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "# Arabic news sentences labelled by theme\n\n"
        f"{records:,} records (one per title, heading or sentence) from {articles:,} articles, "
        f"{_FORMAT_NAMES[options.format]} files. Labels: {_label_rule(options)}. "
        f"{_decided(context.decided)}Included: {scope}.\n\n"
        f"Exported {when} by Annotator {context.version} with:\n\n"
        f"```\n{options.command or 'annotator export'}\n```"
    )


def _balance(context: CardContext) -> str:
    options = context.options
    if not options.splits:
        return ""
    keys = [t.key for t in context.themes]
    rows = [
        [f.name, f"{f.target:.1%}", f"{f.unit_share:.1%}"]
        + [f"{f.theme_shares[k]:.1%}" if k in f.theme_shares else "-" for k in keys]
        for f in context.figures
    ]
    return (
        "## Splits\n\nEvery article is in exactly one split, so no sentence of a test article "
        "was seen in training. Articles were assigned by iterative stratification over "
        f"articles (seed {options.seed}; the same seed gives the same split) to balance theme "
        "counts and sizes. Share of all records, and of each theme's records, in each split "
        f"(worst gap from the target: {worst_deviation(context.figures):.1%}):\n\n"
        + table(["split", "target", "records", *keys], rows)
    )


def _annotators_table(context: CardContext) -> str:
    if not context.annotators:
        return "## Annotators\n\nNo annotator has labelled this project yet."
    keys = [t.key for t in context.themes]
    rows = [
        [a.name, f"{a.units_done:,}", *(f"{a.labels.get(k, 0):,}" for k in keys)]
        for a in context.annotators
    ]
    return (
        "## Annotators\n\nUnits each annotator finished and labels given per theme, in the "
        "whole project.\n\n" + table(["annotator", "units done", *keys], rows)
    )


_FIELD_ROWS = [
    ["article_id", "integer", "article number in the project database"],
    ["article_title", "string", "the article's title"],
    ["article_source", "string", "file or URL the article was imported from"],
    ["article_url", "string", "the article's URL, if known"],
    ["article_date", "string", "publication date as imported"],
    ["article_category", "string", "category as imported"],
    ["sentence_index", "integer", "position of the unit in its article (0 = title)"],
    ["kind", "string", "`title`, `heading` or `sentence`"],
    ["text", "string", "the unit's text, logical order, exactly `article_text[start:end]`"],
    ["start", "integer", "offset of the text in the article, in code points"],
    ["end", "integer", "end offset (exclusive), in code points"],
    ["labels", "list of strings", "theme keys after resolution, in theme order"],
    ["status", "string", "`not_seen`, `done_no_theme`, `done_with_themes` or `skipped`"],
    ["annotations", "annotator -> list of strings", "each annotator's own themes"],
    ["annotator_status", "annotator -> string", "each annotator's own status"],
]


def _fields(with_suggestions: bool) -> str:
    rows = _FIELD_ROWS + (SUGGESTION_FIELD_ROWS if with_suggestions else [])
    return "## Record fields\n\n" + table(["field", "type", "meaning"], rows)


def _loading(context: CardContext) -> str:
    options = context.options
    name = options.data_path(context.figures[0].name).name
    reader = {"jsonl": "read_json({!r}, lines=True)", "csv": "read_csv({!r})"}
    pandas = reader.get(options.format, "read_parquet({!r})").format(name)
    builder = {"jsonl": "json", "csv": "csv", "parquet": "parquet"}[options.format]
    return (
        "## Loading\n\n```python\nimport pandas as pd\n"
        f"frame = pd.{pandas}\n\n"
        "from datasets import load_dataset\n"
        f'dataset = load_dataset("{builder}", data_files={name!r})  # or load_dataset(folder)\n'
        "```\n\nCSV cells that would start with `=`, `+`, `-`, `@`, tab or carriage return "
        "carry a leading `'` so that spreadsheets do not run them as formulas; JSONL and "
        "Parquet keep the text exactly." + (_JSONL_DATES if options.format == "jsonl" else "")
    )


_JSONL_DATES = (
    " Through `datasets`, ISO dates in JSON Lines come back as `2026-01-15 00:00:00`:"
    " its JSON reader (pyarrow's) reads them as timestamps first. pandas and Parquet keep them"
    " exactly as written."
)
