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
        """Every sentence where the annotators who finished it disagree, in article order
        (about one theme, or between two annotators, when asked)."""
        sql, params = self._disagreement_query(theme, pair)
        rows = self.conn.execute(
            f"""WITH masks AS (SELECT s.unit_id, {sql["mask"]} AS mask FROM unit_status s
                               WHERE s.status != 'skipped' {sql["who"]}),
                     split AS (SELECT unit_id FROM masks GROUP BY unit_id
                               HAVING COUNT(*) >= 2 AND MIN(mask) != MAX(mask))
                SELECT u.id FROM split JOIN units u ON u.id = split.unit_id
                WHERE u.kind = 'sentence' ORDER BY u.article_id, u.idx""",
            params,
        )
        return [r[0] for r in rows]

    def disagreements_after(
        self,
        after: tuple[int, int] | None,
        limit: int,
        theme: str | None = None,
        pair: tuple[str, str] | None = None,
    ) -> list[tuple[int, int, int]]:
        """The next `limit` disagreements after (article id, index): (unit, article, index).

        Walks units in article order and stops at `limit`: a page costs milliseconds however
        large the project, so the review opens at once."""
        sql, params = self._disagreement_query(theme, pair)
        article, index = after if after is not None else (0, -1)
        rows = self.conn.execute(
            f"""SELECT u.id, u.article_id, u.idx FROM units u
                WHERE u.kind = 'sentence' AND (u.article_id, u.idx) > (:article, :index)
                  AND (SELECT COUNT(DISTINCT {sql["mask"]}) FROM unit_status s
                       WHERE s.unit_id = u.id AND s.status != 'skipped' {sql["who"]}) > 1
                ORDER BY u.article_id, u.idx LIMIT :limit""",
            {**params, "article": article, "index": index, "limit": limit},
        )
        return [tuple(r) for r in rows]

    def _disagreement_query(self, theme, pair) -> tuple[dict[str, str], dict]:
        keys = [t.key for t in self._store.themes.list(include_retired=True)]
        bits = " ".join(f"WHEN '{key}' THEN {1 << i}" for i, key in enumerate(keys))
        keep = (1 << keys.index(theme)) if theme in keys else (0 if theme else -1)
        mask = f"""(COALESCE((SELECT SUM(CASE l.theme_key {bits} ELSE 0 END) FROM labels l
                              WHERE l.unit_id = s.unit_id AND l.annotator_id = s.annotator_id),
                             0) & {keep})"""
        params: dict = {}
        who = ""
        if pair is not None:
            ids = [self._store.annotators.id_of(name) or 0 for name in pair]
            who, params = (
                "AND s.annotator_id IN (:first, :second)",
                {"first": ids[0], "second": ids[1]},
            )
        return {"mask": mask if keys else "0", "who": who}, params

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
