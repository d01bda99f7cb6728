"""Plain-text reports of the team commands (their --json output is the data itself)."""

from __future__ import annotations


def print_merge(reports: list[dict]) -> None:
    for report in reports:
        who = report["annotator"] or "(whole project)"
        print(f"{report['source']}: {who}, {report['events']} new events,"
              f" {report['articles']} new articles")  # fmt: skip
        for name in sorted(
            set(report["added"]) | set(report["updated"]) | set(report["unchanged"])
        ):
            print(f"  {name}: {report['added'].get(name, 0)} added,"
                  f" {report['updated'].get(name, 0)} updated,"
                  f" {report['unchanged'].get(name, 0)} unchanged")  # fmt: skip
        for conflict in report["conflicts"]:
            print(f"  conflict: {conflict} is not in this project as it is in the package")


def _figure(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_agreement(report) -> None:
    print(f"{report.units} sentences finished by two or more of: {', '.join(report.annotators)}")
    for t in report.themes:
        alpha = t.alpha
        interval = "" if alpha.low is None else f" [{alpha.low:.3f}, {alpha.high:.3f}]"
        reading = alpha.reading.value if alpha.reading else (alpha.undefined or "-")
        print(f"  {t.theme}: alpha {_figure(alpha.value)}{interval} ({reading}),"
              f" agreement {_figure(t.observed_agreement)},"
              f" mean Cohen's kappa {_figure(t.cohen_kappa.value)},"
              f" Fleiss' kappa {_figure(t.fleiss_kappa.value)}")  # fmt: skip
    sets = report.label_sets
    print(f"  label sets (MASI): alpha {_figure(sets.alpha.value)}, identical sets"
          f" {_figure(sets.observed_agreement)}")  # fmt: skip
    for pair in report.pairs:
        print(f"  {pair.annotators[0]} / {pair.annotators[1]}: {pair.units} in common,"
              f" mean kappa {_figure(pair.mean_kappa)}")  # fmt: skip
