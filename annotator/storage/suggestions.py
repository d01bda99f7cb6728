"""Theme suggestions in the project: the trained models and the suggestions computed per unit.

- `suggestion_models`: each saved model (core.suggest.serialize bytes) with its format version,
  training size, the last event it had seen and its info (JSON: dates, thresholds, scores).
  Only the newest model of this format is kept, beside any written by a newer version.
- `suggestions`: one row per unit, the model that scored it, the suggested theme keys (JSON
  list) and every theme's probability (JSON object). A row whose model is not the current one
  is outdated and computed again; rows go with their unit when an article is removed.

What the model learns from (`training_rows`) is every annotator's done units, or the lead's
adjudicated decision where there is one. Nothing here computes: app.suggestions does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from annotator.storage.repository import Repository
from annotator.storage.rows import SavedModel, StoredSuggestion, TrainingRow

UNIT_SEPARATOR = "\x1f"
_MODEL_COLUMNS = "id, created_at, format, labels, last_event_id, info"


class Suggestions(Repository):
    # -- models ---------------------------------------------------------------------------------

    def latest_model(self, with_data: bool = True) -> SavedModel | None:
        """The newest saved model (its bytes too unless `with_data` is False)."""
        data = ", data" if with_data else ""
        row = self.conn.execute(
            f"SELECT {_MODEL_COLUMNS}{data} FROM suggestion_models ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return SavedModel(*row[:5], info=_json_object(row[5]), data=row[6] if with_data else None)

    def save_model(
        self, format: int, labels: int, last_event_id: int, info: dict, data: bytes, now: str
    ) -> int:
        """Store a model; older models of this format or an older one are dropped."""
        with self.transaction():
            cursor = self.conn.execute(
                """INSERT INTO suggestion_models
                   (created_at, format, labels, last_event_id, info, data)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (now, format, labels, last_event_id, json.dumps(info, ensure_ascii=False), data),
            )
            model_id = cursor.lastrowid
            self.conn.execute(
                "DELETE FROM suggestion_models WHERE id != ? AND format <= ?", (model_id, format)
            )
            return model_id

    # -- what the model learns from ---------------------------------------------------------------

    def last_event_id(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]

    def changed_since(self, event_id: int) -> int:
        """Units whose labels changed after an event (notes aside): new training data."""
        return self.conn.execute(
            "SELECT COUNT(DISTINCT unit_id) FROM events WHERE id > ? AND action != 'note'",
            (event_id,),
        ).fetchone()[0]

    def training_data(self) -> tuple[list[TrainingRow], int]:
        """The training rows and the newest event they include, read from one snapshot."""
        own = not self.conn.in_transaction
        if own:
            self.conn.execute("BEGIN")  # deferred: a read snapshot, no lock on writers
        try:
            return self.training_rows(), self.last_event_id()
        finally:
            if own and self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def training_rows(self) -> list[TrainingRow]:
        """One row per annotator who marked a unit done (adjudicated units: the decision once)."""
        rows = [
            TrainingRow(
                unit_id, article_id, text, tuple(themes.split(UNIT_SEPARATOR) if themes else ())
            )
            for unit_id, article_id, text, themes in self.conn.execute(
                f"""SELECT s.unit_id, u.article_id, u.text,
                           (SELECT group_concat(l.theme_key, '{UNIT_SEPARATOR}') FROM labels l
                            WHERE l.unit_id = s.unit_id AND l.annotator_id = s.annotator_id)
                    FROM unit_status s JOIN units u ON u.id = s.unit_id
                    WHERE s.status != 'skipped'
                      AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.unit_id = s.unit_id)
                    ORDER BY s.unit_id, s.annotator_id"""
            )
        ]
        for unit_id, article_id, text, themes in self.conn.execute(
            """SELECT a.unit_id, u.article_id, u.text, a.themes FROM adjudications a
               JOIN units u ON u.id = a.unit_id ORDER BY a.unit_id"""
        ):
            rows.append(TrainingRow(unit_id, article_id, text, _theme_list(themes)))
        return rows

    # -- suggestions per unit -----------------------------------------------------------------------

    def write(self, rows: Iterable[tuple[int, int, Iterable[str], Mapping[str, float]]]) -> int:
        """Store (unit id, model id, suggested keys, scores) rows in one transaction."""
        return self.write_json(
            (unit_id, model_id, json.dumps(list(themes)), json.dumps(dict(scores)))
            for unit_id, model_id, themes, scores in rows
        )

    def write_json(self, rows: Iterable[tuple[int, int, str, str]]) -> int:
        """Store rows whose themes and scores are already JSON text (the worker's fast path)."""
        encoded = list(rows)
        with self.transaction():
            self.conn.executemany(
                """INSERT INTO suggestions (unit_id, model_id, themes, scores) VALUES (?, ?, ?, ?)
                   ON CONFLICT (unit_id) DO UPDATE SET model_id = excluded.model_id,
                   themes = excluded.themes, scores = excluded.scores""",
                encoded,
            )
        return len(encoded)

    def pending(self, model_id: int, after_unit: int = 0, limit: int = 10_000) -> list[tuple]:
        """(unit id, article id, text) of units with no suggestion from this model, by unit id."""
        return self.conn.execute(
            """SELECT u.id, u.article_id, u.text FROM units u LEFT JOIN suggestions s ON s.unit_id = u.id
               WHERE u.id > ? AND (s.model_id IS NULL OR s.model_id != ?)
               ORDER BY u.id LIMIT ?""",
            (after_unit, model_id, limit),
        ).fetchall()

    def pending_in_article(self, article_id: int, model_id: int) -> list[tuple]:
        return self.conn.execute(
            """SELECT u.id, u.text FROM units u LEFT JOIN suggestions s ON s.unit_id = u.id
               WHERE u.article_id = ? AND (s.model_id IS NULL OR s.model_id != ?)
               ORDER BY u.idx""",
            (article_id, model_id),
        ).fetchall()

    def coverage(self, model_id: int) -> tuple[int, int]:
        """Units with a suggestion from this model, and all units."""
        current = self.conn.execute(
            "SELECT COUNT(*) FROM suggestions WHERE model_id = ?", (model_id,)
        ).fetchone()[0]
        return current, self.conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]

    def for_article(self, article_id: int) -> dict[int, StoredSuggestion]:
        """unit id -> its stored suggestion, for the units of one article that have one."""
        rows = self.conn.execute(
            """SELECT s.unit_id, s.model_id, s.themes, s.scores FROM suggestions s
               JOIN units u ON u.id = s.unit_id WHERE u.article_id = ?""",
            (article_id,),
        )
        return {
            unit_id: StoredSuggestion(_theme_list(themes), _scores(scores), model_id)
            for unit_id, model_id, themes, scores in rows
        }

    def project_rows(self, article_id: int | None = None) -> Iterator[tuple]:
        """(article id, unit index, text, suggestion or None) in article order."""
        where, params = ("WHERE u.article_id = ?", (article_id,)) if article_id else ("", ())
        for row in self.conn.execute(
            f"""SELECT u.article_id, u.idx, u.text, s.model_id, s.themes, s.scores FROM units u
                LEFT JOIN suggestions s ON s.unit_id = u.id {where}
                ORDER BY u.article_id, u.idx""",
            params,
        ):
            stored = (
                None
                if row[4] is None
                else StoredSuggestion(_theme_list(row[4]), _scores(row[5]), row[3])
            )
            yield row[0], row[1], row[2], stored

    def article_uncertainty(
        self, annotator: str, thresholds: Mapping[str, float]
    ) -> list[tuple[int, float]]:
        """(article id, uncertainty) for articles with suggested units this annotator has not
        marked done or skipped, most uncertain first; a unit's uncertainty is that of its most
        uncertain theme, 1 - 2|score - threshold| (at least 0). Seconds at a million units:
        call it off the window's thread."""
        if not thresholds:
            return []
        keys = sorted(thresholds)
        terms = ", ".join(
            f"COALESCE(MAX(0, 1 - 2 * ABS(json_extract(s.scores, :path{i}) - :threshold{i})), 0)"
            for i in range(len(keys))
        )
        measure = f"MAX({terms}, 0)" if len(keys) == 1 else f"MAX({terms})"
        params: dict[str, object] = {"me": self._store.annotators.id_of(annotator) or 0}
        for i, key in enumerate(keys):
            params[f"path{i}"], params[f"threshold{i}"] = f'$."{key}"', float(thresholds[key])
        return self.conn.execute(
            f"""SELECT u.article_id, MAX({measure}) AS uncertainty FROM suggestions s
                JOIN units u ON u.id = s.unit_id
                LEFT JOIN unit_status st ON st.unit_id = s.unit_id AND st.annotator_id = :me
                WHERE st.unit_id IS NULL GROUP BY u.article_id
                ORDER BY uncertainty DESC, u.article_id""",
            params,
        ).fetchall()

    def annotators_assigned(self, article_id: int) -> int:
        """How many annotators a team package assigned this article to (0: no assignment).

        Read here because suggestions are hidden where agreement will be measured."""
        return self.conn.execute(
            "SELECT COUNT(*) FROM assignments WHERE article_id = ?", (article_id,)
        ).fetchone()[0]


def _json_object(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _theme_list(text: str | None) -> tuple[str, ...]:
    """A JSON list of theme keys (suggestions, adjudications); anything else: none."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(k for k in value if isinstance(k, str)) if isinstance(value, list) else ()


def _scores(text: str | None) -> dict[str, float]:
    scores = _json_object(text)
    return {k: float(v) for k, v in scores.items() if isinstance(v, int | float)}
