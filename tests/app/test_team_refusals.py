"""Merging refuses, with a clear message and nothing written: a package of another project,
a damaged file, one from a newer Annotator, themes the lead lacks, and one annotator name
from two computers (and the rename that settles it)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from annotator.app.session import AnnotationSession
from annotator.app.team.assign import plan_assignment, record_assignment, write_packages
from annotator.app.team.merge import MergeRefused, merge_project
from annotator.core.scheme import Theme
from annotator.storage.errors import DatabaseTooNew
from annotator.storage.schema import SCHEMA_VERSION
from annotator.storage.store import Store
from tests.durability.processes import all_states
from tests.gui.gui_factories import numbered_articles


@pytest.fixture
def lead_and_package(tmp_path):
    lead = tmp_path / "lead.annotator"
    with Store(lead, device="lead-desktop") as store:
        store.articles.add(numbered_articles(4))
        record_assignment(store, plan_assignment(store, ["amal"], overlap=0, seed=1))
        package = write_packages(store, ["amal"], tmp_path / "out")["amal"]
    label(package, "amal", "amal-laptop", digit=1)
    return lead, package


def label(path, person: str, device: str, digit: int, theme: Theme | None = None) -> None:
    with Store(path, device=device) as store:
        session = AnnotationSession(store, person)
        session.resume()
        session.toggle_theme(digit)


def test_a_package_of_another_project(tmp_path, lead_and_package):
    lead, package = lead_and_package
    other = tmp_path / "other.annotator"
    with Store(other) as store:
        store.articles.add(numbered_articles(4))
    with Store(other) as store, pytest.raises(MergeRefused, match="another project"):
        merge_project(store, package)
    with Store(other) as store:
        assert all_states(store) == {} and store.events.list() == []


def test_a_damaged_package(tmp_path, lead_and_package):
    lead, package = lead_and_package
    data = bytearray(package.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    package.write_bytes(bytes(data))
    with Store(lead) as store:
        with pytest.raises(Exception, match="damaged"):
            merge_project(store, package)
        assert all_states(store) == {}


def test_a_package_from_a_newer_annotator(tmp_path, lead_and_package):
    lead, package = lead_and_package
    conn = sqlite3.connect(package)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with Store(lead) as store:
        with pytest.raises(DatabaseTooNew, match="newer version"):
            merge_project(store, package)
        assert all_states(store) == {}


def test_themes_the_lead_lacks(tmp_path, lead_and_package):
    lead, package = lead_and_package
    conn = sqlite3.connect(package)  # a package whose lead's scheme had a theme since retired
    conn.execute("UPDATE project SET scheme_locked = 0")
    conn.commit()
    conn.close()
    with Store(package, device="amal-laptop") as store:
        store.themes.add(Theme("humanitarian", "إنساني", "Humanitarian", "#2a9d8f", 4))
    label(package, "amal", "amal-laptop", digit=4)
    with Store(lead) as store:
        with pytest.raises(MergeRefused, match="humanitarian"):
            merge_project(store, package)
        assert all_states(store) == {}


def test_one_name_from_two_computers_is_refused_until_one_is_renamed(tmp_path, lead_and_package):
    lead, package = lead_and_package
    with Store(lead, device="lead-desktop") as store:  # the same work handed out again
        twin = write_packages(store, ["amal"], tmp_path / "again")["amal"]
    label(twin, "amal", "another-computer", digit=2)  # someone else, also called amal
    with Store(lead, device="lead-desktop") as store:
        merge_project(store, package)
        first = all_states(store)
        with pytest.raises(MergeRefused, match="two computers") as refused:
            merge_project(store, twin)
        assert "annotators rename" in str(refused.value)
        assert all_states(store) == first
    with Store(twin) as store:
        store.annotators.rename("amal", "amal2")
    with Store(lead, device="lead-desktop") as store:
        report = merge_project(store, twin)
        assert report.annotator == "amal2" and report.counts.added == {"amal2": 1}


def test_a_whole_copy_of_the_project_worked_on_separately(tmp_path):
    lead = tmp_path / "lead.annotator"
    with Store(lead, device="lead-desktop") as store:
        store.articles.add(numbered_articles(3))
    copy = tmp_path / "copy.annotator"
    shutil.copyfile(lead, copy)
    with Store(copy, device="field-laptop") as store:
        store.articles.add(numbered_articles(5)[3:])  # two articles only the copy has
        unit = store.articles.units(store.articles.ids()[-1])[1]
        store.labels.set_themes(unit.id, "nour", ["economic"])
    with Store(lead, device="lead-desktop") as store:
        report = merge_project(store, copy)
        assert report.annotator == "" and report.counts.articles == 2
        last = store.articles.ids()[-1]
        assert store.labels.state(store.articles.units(last)[1].id, "nour").themes == ("economic",)
