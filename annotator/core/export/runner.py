"""Run an export: options checked, records streamed to temporary files, card and chart, rename."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator import __version__
from annotator.core.export.card import CardContext, card_paths, render_card
from annotator.core.export.chart import ChartDrawer, chart_available, draw_theme_chart
from annotator.core.export.fields import article_fields, unit_problem, units_are_sound
from annotator.core.export.judgements import JudgementDecoder
from annotator.core.export.options import ExportCancelled, ExportError, ExportOptions
from annotator.core.export.output import OutputFiles
from annotator.core.export.parquet import ParquetWriter
from annotator.core.export.resolve import Resolver
from annotator.core.export.source import (
    INDEX,
    KIND,
    LABEL_FOLD,
    STATUS_FOLD,
    AnnotatorSummary,
    ExportSource,
    SourceArticle,
)
from annotator.core.export.splitting import assign_splits
from annotator.core.export.stats import ExportStats, SplitFigures
from annotator.core.export.suggested import SuggestionDecoder
from annotator.core.export.writers import (
    CsvWriter,
    JsonlSuggestionWriter,
    JsonlWriter,
    RecordWriter,
)
from annotator.core.scheme import Theme
from annotator.core.status import DONE_STATUSES

Progress = Callable[[int, int], None]  # units read, units in the project
REPORT_EVERY = 20_000  # units between progress reports and cancel checks


@dataclass
class ExportResult:
    files: list[Path]
    figures: list[SplitFigures]
    card: Path
    chart: Path | None
    seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(f.units for f in self.figures)


@dataclass
class _Run:
    """The state of one export while its records stream through."""

    source: ExportSource
    options: ExportOptions
    themes: list[Theme]
    annotators: list[AnnotatorSummary]
    outputs: OutputFiles = field(default_factory=OutputFiles)
    writers: dict[str | None, RecordWriter] = field(default_factory=dict)
    assignment: dict[int, str] | None = None
    draw_chart: ChartDrawer | None = None


def export_dataset(
    source: ExportSource,
    options: ExportOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    draw_chart: ChartDrawer | None = None,
) -> ExportResult:
    """Write the dataset, its card and chart; on any error or cancel, leave nothing behind.

    `draw_chart` replaces the matplotlib chart (the GUI draws with Qt when matplotlib is absent).
    """
    started = time.perf_counter()
    summaries = source.annotators()
    options.validate([a.name for a in summaries])
    run = _Run(source, options, source.themes(), summaries, draw_chart=draw_chart)
    if options.splits:
        weights = source.article_weights(options.annotator)
        run.assignment = assign_splits(weights, options.splits, options.seed)
    try:
        _open_writers(run)
        stats = _write_records(run, progress or (lambda done, total: None), cancelled)
        _close_writers(run)
        card, chart, warnings = _write_card(run, stats, summaries)
        files = run.outputs.commit()
    except BaseException:
        with contextlib.suppress(Exception):
            _close_writers(run)
        run.outputs.discard()
        raise
    figures = stats.figures(options.splits)
    warnings += _empty_split_warnings(figures)
    return ExportResult(files, figures, card, chart, time.perf_counter() - started, warnings)


def _empty_split_warnings(figures: list[SplitFigures]) -> list[str]:
    articles = sum(f.articles for f in figures)
    return [
        f"split {f.name!r} is empty: {articles} articles are too few for these fractions"
        for f in figures
        if f.name is not None and not f.articles
    ]


def _open_writers(run: _Run) -> None:
    for split in run.options.split_names():
        path = run.outputs.reserve(run.options.data_path(split))
        run.writers[split] = _writer(run, path)


def _writer(run: _Run, path: Path) -> RecordWriter:
    decode = None
    if run.options.with_suggestions:
        decode = SuggestionDecoder([t.key for t in run.themes if not t.retired])
    if run.options.format == "jsonl":
        return JsonlWriter(path) if decode is None else JsonlSuggestionWriter(path, decode)
    if run.options.format == "csv":
        return CsvWriter(path, [t.key for t in run.themes], decode)
    if run.options.format == "parquet":
        return ParquetWriter(path, [a.name for a in run.annotators], decode)
    raise ExportError(f"unknown format {run.options.format!r}")


def _close_writers(run: _Run) -> None:
    writers, run.writers = run.writers, {}
    for writer in writers.values():
        writer.close()


def _write_records(
    run: _Run, progress: Progress, cancelled: Callable[[], bool] | None
) -> ExportStats:
    stats = ExportStats(run.options.split_names())
    decode = JudgementDecoder(
        {a.id: a.name for a in run.annotators},
        {t.key: t.position for t in run.themes},
        run.source.packing(),
    )
    resolver = Resolver(run.options.resolve, run.options.annotator, decode)
    decisions = run.source.adjudications() if run.options.resolve == "adjudicated" else {}
    total, done, report_at = run.source.unit_count(), 0, REPORT_EVERY
    progress(0, total)
    for article in run.source.iter_articles():
        split = run.assignment[article.id] if run.assignment is not None else None
        if decisions:
            written = _write_decided_article(run, article, split, resolver, stats, decisions)
        else:
            written = _write_article(run, article, split, resolver, stats)
        stats.articles[split] += 1 if written else 0
        done += len(article.units)
        if done >= report_at:
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled; nothing was written")
            progress(done, total)
            report_at = done + REPORT_EVERY
    progress(total, total)
    stats.agreement = _agreement(run, stats, decode)
    return stats


def _write_article(
    run: _Run, article: SourceArticle, split: str | None, resolver: Resolver, stats: ExportStats
) -> int:
    """Check and write one article's records; returns how many were written.

    The loop body runs a million times per million units: names are bound to locals first.
    """
    if not units_are_sound(article):
        raise unit_problem(article)
    fields, writer = article_fields(article), run.writers[split]
    writer.start_article(article, fields)
    write, tally, cached, miss = writer.write, stats.tallies[split], resolver.cached, resolver.miss
    only_done, written, combinations = run.options.only_done, 0, stats.combinations
    for row in article.units:
        if row[KIND] == "sentence":  # what agreement is measured on
            combinations[row[STATUS_FOLD], row[LABEL_FOLD]] += 1
        resolved = cached((row[STATUS_FOLD], row[LABEL_FOLD])) or miss(
            row[STATUS_FOLD], row[LABEL_FOLD]
        )
        if only_done and resolved.status not in DONE_STATUSES:
            continue
        write(row, resolved)
        tally[resolved.tally_key] += 1
        written += 1
    return written


def _write_decided_article(run, article, split, resolver, stats, decisions) -> int:
    """As _write_article, for --resolve adjudicated: a lead's decision where there is one."""
    if not units_are_sound(article):
        raise unit_problem(article)
    writer = run.writers[split]
    writer.start_article(article, article_fields(article))
    written = 0
    for row in article.units:
        if row[KIND] == "sentence":
            stats.combinations[row[STATUS_FOLD], row[LABEL_FOLD]] += 1
        themes = decisions.get((article.id, row[INDEX]))
        if themes is None:
            resolved = resolver.resolve(row[STATUS_FOLD], row[LABEL_FOLD])
        else:
            resolved = resolver.decided(row[STATUS_FOLD], row[LABEL_FOLD], themes)
        if run.options.only_done and resolved.status not in DONE_STATUSES:
            continue
        writer.write(row, resolved)
        stats.tallies[split][resolved.tally_key] += 1
        stats.decided["adjudication" if themes is not None else "majority"] += 1
        written += 1
    return written


def _agreement(run: _Run, stats: ExportStats, decode: JudgementDecoder):
    """The agreement of the exported annotators, from the judgement combinations the export
    counted (units with the same judgements weigh the same: no second pass over the data).
    None when fewer than two annotators finished a sentence."""
    import numpy as np

    from annotator.core.agreement import MISSING, LabelMatrix, compute_agreement
    from annotator.core.status import DONE_STATUSES as DONE

    names = [a.name for a in run.annotators]
    keys = [t.key for t in run.themes]
    if len(names) < 2 or not stats.combinations:
        return None
    column, bit = {n: i for i, n in enumerate(names)}, {k: 1 << i for i, k in enumerate(keys)}
    rows, counts = [], []
    for (statuses, labels), count in stats.combinations.items():
        row = [MISSING] * len(names)
        for judgement in decode(statuses, labels):
            if judgement.status in DONE:
                row[column[judgement.annotator]] = sum(bit[k] for k in judgement.themes)
        rows.append(row)
        counts.append(count)
    masks = np.repeat(np.array(rows, dtype=np.int64), counts, axis=0)
    report = compute_agreement(LabelMatrix(masks, tuple(names), tuple(keys)))
    return report if report.units else None


def _write_card(run: _Run, stats: ExportStats, summaries) -> tuple[Path, Path | None, list[str]]:
    card_path, chart_path = card_paths(run.options)
    figures, warnings = stats.figures(run.options.splits), []
    if card_path.name != "README.md":
        warnings.append(
            f"{card_path.with_name('README.md')} was not written by an export, so it is left "
            f"as it is; the dataset card is {card_path.name}"
        )
    missing = None if run.draw_chart else chart_available()
    if missing:  # the card says there is no chart rather than failing the export
        warnings.append(missing)
        chart_path = None
    else:
        draw = run.draw_chart or draw_theme_chart
        draw(run.outputs.reserve(chart_path), run.themes, figures)
    context = CardContext(
        run.options, run.themes, summaries, figures, stats.cooccurrence(), chart_path,
        __version__, dict(stats.decided) if run.options.resolve == "adjudicated" else None,
        stats.agreement,
    )  # fmt: skip
    run.outputs.reserve(card_path).write_text(render_card(context), encoding="utf-8")
    return card_path, chart_path, warnings
