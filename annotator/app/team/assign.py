"""Handing out work: which articles go to whom, and one package file per annotator.

Every chosen article goes to at least one annotator; a share of them (`overlap`) goes to
`per_article` annotators so that agreement can be measured. The load is balanced by sentence
count, not by article count, and the same seed gives the same assignment. Assigning again
adds articles nobody has yet and never moves work already assigned.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.storage.errors import StorageError
from annotator.storage.store import Store
from annotator.storage.transfer import TransferCounts

DEFAULT_OVERLAP = 0.2
DEFAULT_PER_ARTICLE = 2


class AssignmentError(StorageError):
    """Bad options, or nothing that can be assigned; nothing was recorded."""


@dataclass
class AssignmentPlan:
    articles: dict[str, list[int]] = field(default_factory=dict)  # annotator -> article ids
    sentences: dict[str, int] = field(default_factory=dict)  # annotator -> units given now
    shared: list[int] = field(default_factory=list)  # articles given to several annotators

    def as_json(self) -> dict:
        return {
            "annotators": {
                name: {"articles": len(ids), "sentences": self.sentences.get(name, 0)}
                for name, ids in self.articles.items()
            },
            "shared_articles": len(self.shared),
        }


def plan_assignment(
    store: Store,
    annotators: list[str],
    overlap: float = DEFAULT_OVERLAP,
    per_article: int = DEFAULT_PER_ARTICLE,
    articles: str = "not_started",
    seed: int = 0,
) -> AssignmentPlan:
    """Who gets which of the chosen articles (not recorded: see record_assignment)."""
    names = _check_options(annotators, overlap, per_article)
    sizes = _candidates(store, articles)
    rng = random.Random(seed)
    order = sorted(sizes)
    rng.shuffle(order)
    shared = set(order[: round(overlap * len(order))]) if len(names) > 1 else set()
    load = _current_load(store, names)
    plan = AssignmentPlan({n: [] for n in names}, {n: 0 for n in names}, sorted(shared))
    for article_id in sorted(order, key=lambda a: -sizes[a]):  # largest first: even loads
        copies = min(per_article, len(names)) if article_id in shared else 1
        for name in sorted(names, key=lambda n: (load[n], rng.random()))[:copies]:
            plan.articles[name].append(article_id)
            plan.sentences[name] += sizes[article_id]
            load[name] += sizes[article_id]
    for ids in plan.articles.values():
        ids.sort()
    return plan


def _check_options(annotators: list[str], overlap: float, per_article: int) -> list[str]:
    from annotator.core.names import checked_name

    names = list(dict.fromkeys(checked_name(n) for n in annotators))
    if not names:
        raise AssignmentError("name at least one annotator")
    if not 0 <= overlap <= 1:
        raise AssignmentError(f"the overlap must be between 0 and 1, not {overlap}")
    if per_article < 1:
        raise AssignmentError(f"each article needs at least 1 annotator, not {per_article}")
    return names


def _candidates(store: Store, articles: str) -> dict[int, int]:
    """Article id -> sentence count, for the chosen articles nobody has been given yet."""
    if articles == "all":
        chosen = store.articles.list()
    elif articles == "not_started":
        chosen = store.articles.list(status="not_started")
    else:
        chosen = store.articles.list(search=articles)
    taken = set(store.team.holders())
    sizes = {s.id: s.units for s in chosen if s.id not in taken}
    if not sizes:
        raise AssignmentError(
            f"no article to hand out ({articles!r}: every such article is already assigned,"
            " or there is none)"
        )
    return sizes


def _current_load(store: Store, names: list[str]) -> dict[str, int]:
    sizes = {s.id: s.units for s in store.articles.list()}
    return {n: sum(sizes.get(a, 0) for a in store.team.assigned(n)) for n in names}


def record_assignment(store: Store, plan: AssignmentPlan) -> int:
    return store.team.assign(plan.articles)


# -- packages ---------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def package_path(folder: Path, annotator: str) -> Path:
    """FOLDER/NAME.annotator, with characters no file system takes replaced."""
    return folder / f"{_UNSAFE.sub('_', annotator).strip('._') or 'annotator'}.annotator"


def write_packages(store: Store, annotators: list[str], folder: Path) -> dict[str, Path]:
    """One package per annotator: every article assigned to them, the scheme, their work so
    far, the project's id and their name. An existing file is never replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: package_path(folder, name) for name in annotators}
    existing = [p.name for p in paths.values() if p.exists()]
    if existing:
        raise AssignmentError(
            f"{', '.join(existing)} already exist in {folder}: choose another folder"
            " (a package already handed out may hold work not merged yet)"
        )
    for name, path in paths.items():
        write_package(store, name, path)
    return paths


def write_package(store: Store, annotator: str, path: Path) -> None:
    """A new project at `path` holding `annotator`'s articles, bound to them."""
    if store.path is None:
        raise AssignmentError("an in-memory project cannot hand out packages")
    info = store.project.info()
    with Store(path, device=store.device) as package:
        with package.transfer.attached(store.path), package.transaction():
            package.conn.execute("DELETE FROM main.themes")
            package.conn.execute("INSERT INTO main.themes SELECT * FROM other.themes")
            package.transfer.copy_articles(store.team.assigned(annotator))
            events, _conflicts = package.transfer.copy_events(annotator)
            package.transfer.recompute(TransferCounts(events=events))
        package.team.assign({annotator: package.articles.ids()})
        package.project.set_guidelines(info.guidelines)
        package.project.make_package(info.id, annotator)
