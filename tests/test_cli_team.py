"""The team commands: assign with packages, merge, progress, agreement, disagreements."""

from __future__ import annotations

import json

from annotator.app.session import AnnotationSession
from annotator.main import main
from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def label_everything(path, person: str, digit_of) -> None:
    with Store(path, device=f"{person}-pc") as store:
        session = AnnotationSession(store, person)
        for article_id in store.articles.ids():
            session.open_article(article_id)
            for index in range(len(session.units)):
                session.go_to_unit(index)
                session.toggle_theme(digit_of(index))


def test_the_team_commands_end_to_end(tmp_path, capsys):
    lead = tmp_path / "lead.annotator"
    with Store(lead) as store:
        store.articles.add(numbered_articles(6))
    db = ["--db", str(lead)]
    code, out, _ = run(capsys, *db, "team", "assign", "--annotators", "amal,badr",
                       "--overlap", "1", "--out", str(tmp_path / "pk"), "--json")  # fmt: skip
    assert code == 0
    plan = json.loads(out)
    assert set(plan["packages"]) == {"amal", "badr"} and plan["shared_articles"] == 6
    label_everything(tmp_path / "pk" / "amal.annotator", "amal", lambda i: 1)
    label_everything(tmp_path / "pk" / "badr.annotator", "badr", lambda i: 1 if i % 3 else 2)
    code, out, _ = run(capsys, *db, "merge", str(tmp_path / "pk"), "--json")
    merged = json.loads(out)
    assert code == 0 and {m["annotator"] for m in merged} == {"amal", "badr"}
    assert all(sum(m["added"].values()) == 42 for m in merged)
    code, out, _ = run(capsys, *db, "team", "progress", "--json")
    progress = {row["annotator"]: row for row in json.loads(out)}
    assert progress["amal"]["done"] == progress["amal"]["sentences"] == 42
    assert progress["badr"]["last_merge"] is not None
    code, out, _ = run(capsys, *db, "stats", "--json")
    assert {row["annotator"] for row in json.loads(out)["team"]} == {"amal", "badr"}
    code, out, _ = run(capsys, *db, "agreement", "--json", "--resamples", "100")
    report = json.loads(out)
    assert report["units"] == 30 and report["annotators"] == ["amal", "badr"]
    military = next(t for t in report["themes"] if t["theme"] == "military")
    assert 0 < military["observed_agreement"] < 1
    code, out, _ = run(capsys, *db, "adjudicate", "--list", "--json")
    rows = json.loads(out)
    assert len(rows) == 6 and rows[0]["labels"] == {"amal": ["military"], "badr": ["economic"]}
    code, out, _ = run(capsys, *db, "adjudicate", "--list", "--json", "--theme", "reconstruction")
    assert json.loads(out) == []


def test_merge_goes_on_past_a_refused_package(tmp_path, capsys):
    lead = tmp_path / "lead.annotator"
    with Store(lead) as store:
        store.articles.add(numbered_articles(2))
    stranger = tmp_path / "pk" / "stranger.annotator"
    stranger.parent.mkdir()
    Store(stranger).close()  # another project altogether
    code, out, err = run(capsys, "--db", str(lead), "team", "assign", "--annotators", "amal",
                         "--out", str(tmp_path / "pk"))  # fmt: skip
    assert code == 0
    code, out, err = run(capsys, "--db", str(lead), "merge", str(tmp_path / "pk"))
    assert code == 1 and "belongs to another project" in err and "Traceback" not in err
    assert "amal.annotator: amal" in out
