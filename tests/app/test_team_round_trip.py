"""Team work end to end with real files: hand out packages, three people label them (with
planned disagreements), merge back in every order, agreement against the reference
libraries, adjudication, and an export that uses the adjudications."""

from __future__ import annotations

import itertools
import json
import shutil

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.app.exporting import export_project
from annotator.app.session import AnnotationSession
from annotator.app.team.agreement import project_agreement
from annotator.app.team.assign import plan_assignment, record_assignment, write_packages
from annotator.app.team.merge import merge_project
from annotator.app.team.review import ReviewSession
from annotator.core.export import ExportOptions
from annotator.storage.store import Store
from tests.durability.processes import all_states
from tests.gui.gui_factories import numbered_articles

PEOPLE = ("amal", "badr", "salma")
LEAD = "lead"


def planned_themes(person: str, unit_index: int) -> list[int]:
    """Digits each person gives: they agree on most units and disagree on some."""
    base = [1 + unit_index % 3]
    if unit_index % 4 == 1 and person == "badr":
        return [2 if base[0] != 2 else 3]  # badr disagrees on every fourth unit
    if unit_index % 5 == 2 and person == "salma":
        return [*base, 1 if base[0] != 1 else 2]  # salma adds a theme now and then
    return base


def label_package(path, person: str) -> None:
    """Everything in the package, through the session the window uses."""
    with Store(path, device=f"{person}-laptop") as store:
        assert store.project.info().bound_annotator == person
        session = AnnotationSession(store, person)
        for article_id in store.articles.ids():
            session.open_article(article_id)
            for index, unit in enumerate(session.units):
                session.go_to_unit(index)
                for digit in planned_themes(person, unit.index):
                    session.toggle_theme(digit)


@pytest.fixture
def team(tmp_path):
    lead = tmp_path / "lead.annotator"
    with Store(lead, device="lead-desktop") as store:
        store.articles.add(numbered_articles(12))
        plan = plan_assignment(store, list(PEOPLE), overlap=0.5, per_article=2, seed=7)
        record_assignment(store, plan)
        packages = write_packages(store, list(PEOPLE), tmp_path / "packages")
    for person, path in packages.items():
        label_package(path, person)
    return lead, packages, plan


def merged_copy(tmp_path, lead, packages, order, name):
    copy = tmp_path / f"{name}.annotator"
    shutil.copyfile(lead, copy)
    with Store(copy, device="lead-desktop") as store:
        reports = [merge_project(store, packages[person]) for person in order]
        return copy, reports, all_states(store)


def test_merging_in_every_order_gives_one_project_and_twice_changes_nothing(tmp_path, team):
    lead, packages, plan = team
    results = []
    for number, order in enumerate(itertools.permutations(PEOPLE)):
        copy, reports, states = merged_copy(tmp_path, lead, packages, order, f"m{number}")
        results.append(states)
        assert {r.annotator for r in reports} == set(PEOPLE)
        assert all(r.counts.events > 0 and not r.counts.conflicts for r in reports)
        with Store(copy, device="lead-desktop") as store:
            again = merge_project(store, packages[order[0]])
            assert again.counts.events == 0 and not again.counts.added
            assert all_states(store) == states
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert all(states == results[0] for states in results)
    units = {u for u, _person in results[0]}
    for person in PEOPLE:  # each labelled exactly the units of their assigned articles
        with Store(lead) as store:
            expected = {u.id for a in plan.articles[person] for u in store.articles.units(a)}
        assert {u for u, p in results[0] if p == person} == expected
    assert len(units) == sum(1 for _ in units)


def test_a_later_copy_of_a_package_brings_only_what_changed(tmp_path, team):
    lead, packages, _plan = team
    copy, _reports, _states = merged_copy(tmp_path, lead, packages, PEOPLE, "later")
    with Store(packages["amal"], device="amal-laptop") as package:
        session = AnnotationSession(package, "amal")
        session.resume()
        session.go_to_unit(1)
        changed = session.toggle_theme(3)
    with Store(copy, device="lead-desktop") as store:
        report = merge_project(store, packages["amal"])
        assert report.counts.events == 1
        assert report.counts.updated == {"amal": 1} and not report.counts.added
        assert store.labels.state(store_unit(store, changed.unit_id, packages["amal"]), "amal") == (
            changed.after
        )


def store_unit(store, package_unit_id, package_path) -> int:
    """The lead's id of a package's unit (matched by article content and position)."""
    with Store(package_path) as package:
        unit = package.articles.unit(package_unit_id)
        digest = package.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (unit.article_id,)
        ).fetchone()[0]
    article = store.conn.execute(
        "SELECT id FROM articles WHERE content_hash = ?", (digest,)
    ).fetchone()[0]
    return store.articles.units(article)[unit.index].id


def reference_figures(store):
    """Per theme: (alpha by the krippendorff package, mean Cohen's kappa by scikit-learn)."""
    done = store.judgements.done()
    units = sorted(set(done.unit_ids))
    row = {u: i for i, u in enumerate(units)}
    matrix = np.full((len(done.annotators), len(units)), -1, dtype=np.int64)
    for unit, who, mask in zip(done.unit_ids, done.annotator_indices, done.masks, strict=True):
        matrix[who, row[unit]] = mask
    shared = [c for c in range(len(units)) if (matrix[:, c] >= 0).sum() >= 2]
    matrix = matrix[:, shared]
    figures = {}
    for bit, key in enumerate(done.theme_keys):
        data = np.where(matrix >= 0, (matrix >> bit) & 1, np.nan).astype(float)
        alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        kappas = []
        for a, b in itertools.combinations(range(len(done.annotators)), 2):
            both = (matrix[a] >= 0) & (matrix[b] >= 0)
            if both.sum():
                kappas.append(cohen_kappa_score(data[a][both], data[b][both]))
        figures[key] = (alpha, float(np.mean(kappas)))
    return figures


def test_agreement_matches_the_reference_libraries(tmp_path, team):
    lead, packages, _plan = team
    copy, _reports, _states = merged_copy(tmp_path, lead, packages, PEOPLE, "agree")
    with Store(copy) as store:
        report = project_agreement(store, resamples=200, seed=1)
        reference = reference_figures(store)
    assert report.units > 0 and set(report.annotators) == set(PEOPLE)
    for theme in report.themes:
        alpha, kappa = reference[theme.theme]
        assert theme.alpha.value == pytest.approx(alpha, abs=1e-9)
        assert theme.cohen_kappa.value == pytest.approx(kappa, abs=1e-9)
        assert theme.alpha.low <= theme.alpha.value <= theme.alpha.high
    assert report.theme("economic").alpha.value < 1  # badr's planned disagreements show


def test_review_adjudication_undo_and_the_adjudicated_export(tmp_path, team):
    lead, packages, _plan = team
    copy, _reports, _states = merged_copy(tmp_path, lead, packages, PEOPLE, "review")
    with Store(copy, device="lead-desktop") as store:
        review = ReviewSession(store, LEAD)
        assert review.units, "the planned disagreements are found"
        first = review.current()
        assert len(first.judgements) >= 2 and len(set(first.judgements.values())) > 1
        review.accept_majority()  # Enter: the majority, then the next disagreement
        assert store.adjudications.get(first.unit.id) == first.majority and review.index == 1
        second = review.current()
        review.none()
        review.toggle_shortcut(3)
        assert store.adjudications.get(second.unit.id) == ("reconstruction",)
        assert review.undo() and store.adjudications.get(second.unit.id) == ()
        for (unit_id, person), state in _states.items():  # annotators' labels never change
            if unit_id in (first.unit.id, second.unit.id):
                assert store.labels.state(unit_id, person) == state
        decided = {first.unit.id: first.majority, second.unit.id: ()}
        out = tmp_path / "adjudicated.jsonl"
        result = export_project(copy, ExportOptions(format="jsonl", out=out, resolve="adjudicated"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(copy) as store:
        places = store.judgements.unit_places(list(decided))
    by_place = {(r["article_id"], r["sentence_index"]): r for r in records}
    for unit_id, themes in decided.items():
        record = by_place[places[unit_id]]
        assert record["labels"] == list(themes)
        assert set(record["annotations"]) >= {p for p in PEOPLE if p in record["annotations"]}
    decided_places = {places[u] for u in decided}
    for record in records:  # every other record: the majority of those who finished it
        if (record["article_id"], record["sentence_index"]) in decided_places:
            continue
        finished = [
            themes for person, themes in record["annotations"].items()
            if record["annotator_status"][person].startswith("done")
        ]  # fmt: skip
        counts = {
            k: sum(k in t for t in finished) for k in ("military", "economic", "reconstruction")
        }
        majority = [k for k, n in counts.items() if finished and n > len(finished) / 2]
        assert record["labels"] == majority, record
    card = result.card.read_text(encoding="utf-8")
    assert "2 units were decided by a lead" in card and "## Agreement" in card
