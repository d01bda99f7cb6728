"""Finished judgements of sentence units, packed for agreement and review.

A judgement is one annotator's themes for one unit they marked done (done with themes or done
with none); skipped and unseen units say nothing and are left out. Themes are packed into a
bit mask in scheme order (bit i = the i-th theme), the shape core.agreement computes on.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.repository import Repository


@dataclass(frozen=True)
class DoneJudgements:
    unit_ids: list[int]
    annotator_indices: list[int]  # index into `annotators`
    masks: list[int]
    annotators: tuple[str, ...]
    theme_keys: tuple[str, ...]


class Judgements(Repository):
    def done(self, annotators: list[str] | None = None) -> DoneJudgements:
        """Every finished judgement of a sentence (optionally of some annotators only)."""
        return read_done(self.conn, annotators)

    def disagreements(
        self, theme: str | None = None, pair: tuple[str, str] | None = None
    ) -> list[int]:
        """Sentence units where the annotators who finished them disagree, in article order
        (about one theme, or between two annotators, when asked)."""
        ids = None
        if pair is not None:
            ids = tuple(self._store.annotators.id_of(name) or 0 for name in pair)
        return disagreements(self.conn, theme, ids)

    def unit_places(self, unit_ids: list[int]) -> dict[int, tuple[int, int]]:
        """unit id -> (article id, index), for showing a unit under review."""
        places = {}
        for start in range(0, len(unit_ids), 500):
            chunk = unit_ids[start : start + 500]
            places.update(
                (r[0], (r[1], r[2]))
                for r in self.conn.execute(
                    f"SELECT id, article_id, idx FROM units WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return places


def _disagreement_sql(pair: bool, theme: bool) -> str:
    """Units that two or more annotators finished and where one theme is chosen by some of
    them but not all (only that theme, only that pair, when asked)."""
    who = "AND annotator_id IN (:first, :second)" if pair else ""
    which = "AND t.theme_key = :theme" if theme else ""
    return f"""
        WITH done AS (SELECT unit_id, annotator_id FROM unit_status
                      WHERE status != 'skipped' {who}),
             voters AS (SELECT unit_id, COUNT(*) AS n FROM done GROUP BY unit_id HAVING n >= 2),
             chosen AS (SELECT l.unit_id, l.theme_key, COUNT(*) AS k FROM labels l
                        JOIN done d ON d.unit_id = l.unit_id AND d.annotator_id = l.annotator_id
                        GROUP BY l.unit_id, l.theme_key)
        SELECT DISTINCT u.id FROM voters v JOIN chosen t ON t.unit_id = v.unit_id
        JOIN units u ON u.id = v.unit_id
        WHERE u.kind = 'sentence' AND t.k < v.n {which}
        ORDER BY u.article_id, u.idx"""


def disagreements(conn, theme: str | None, pair: tuple[int, int] | None) -> list[int]:
    params = {"theme": theme}
    if pair:
        params.update(first=pair[0], second=pair[1])
    return [r[0] for r in conn.execute(_disagreement_sql(bool(pair), bool(theme)), params)]


def read_done(conn, annotators: list[str] | None = None) -> DoneJudgements:
    """The finished judgements, on any connection (the export reads them on its own)."""
    keys = tuple(r[0] for r in conn.execute("SELECT key FROM themes ORDER BY position, key"))
    names = dict(conn.execute("SELECT id, name FROM annotators ORDER BY id"))
    chosen = [i for i, n in names.items() if annotators is None or n in annotators]
    rows = conn.execute(_done_sql(keys, chosen)).fetchall() if keys else []
    order = {annotator_id: i for i, annotator_id in enumerate(chosen)}
    return DoneJudgements(
        [r[0] for r in rows],
        [order[r[1]] for r in rows],
        [r[2] for r in rows],
        tuple(names[i] for i in chosen),
        keys,
    )


def _done_sql(keys: tuple[str, ...], chosen: list[int]) -> str:
    bits = " ".join(f"WHEN '{key}' THEN {1 << i}" for i, key in enumerate(keys))
    return f"""SELECT s.unit_id, s.annotator_id,
                      COALESCE((SELECT SUM(CASE l.theme_key {bits} ELSE 0 END) FROM labels l
                                WHERE l.unit_id = s.unit_id AND l.annotator_id = s.annotator_id), 0)
               FROM unit_status s JOIN units u ON u.id = s.unit_id
               WHERE u.kind = 'sentence' AND s.status != 'skipped'
                 AND s.annotator_id IN ({",".join(map(str, chosen)) or "NULL"})
               ORDER BY u.article_id, u.idx"""
