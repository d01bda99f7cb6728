"""Store methods for removing articles and putting them back (see removal.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.storage import removal as removal_sql
from annotator.storage.clock import utc_now
from annotator.storage.errors import translate_public_methods
from annotator.storage.labels import log_event
from annotator.storage.removal import ArticleNotFound, RestoreConflict

REMOVE_ACTION, RESTORE_ACTION = "remove_article", "restore_article"


@dataclass(frozen=True)
class RemovedArticle:
    """What a removal took out of the project, or a restore put back."""

    id: int
    title: str
    units: int
    labels: int
    annotators: tuple[str, ...]  # who had labelled, marked or noted any of its units


def _summary(shot: dict) -> RemovedArticle:
    people = {row[1] for name in ("labels", "statuses", "notes") for row in shot[name]}
    article = shot["article"]
    return RemovedArticle(
        article["id"],
        article["title"],
        len(shot["units"]),
        len(shot["labels"]),
        tuple(sorted(people)),
    )


@translate_public_methods
class RemovalMixin:
    """Part of Store (see store.py): needs self.conn, self.transaction and annotator look-ups."""

    def remove_articles(self, article_ids: Iterable[int], by: str) -> list[RemovedArticle]:
        """Remove articles with their units and everyone's work on them, all or none.

        Each is first written whole into the event log (action remove_article, by `by`), so
        restore_articles, or anyone reading the log, can still see every label.
        """
        ids, annotator_id = list(dict.fromkeys(article_ids)), self.ensure_annotator(by)
        with self.transaction():
            _require(ids, removal_sql.existing_ids(self.conn, ids), "in this project")
            now, removed = utc_now(), []
            for article_id in ids:
                shot = removal_sql.snapshot(self.conn, article_id)
                first_unit = shot["units"][0][0]
                log_event(self.conn, annotator_id, first_unit, REMOVE_ACTION, shot, {}, now)
                event_id = self.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
                removal_sql.delete_article(self.conn, shot, event_id, now)
                removed.append(_summary(shot))
        return removed

    def restore_articles(self, article_ids: Iterable[int], by: str) -> list[RemovedArticle]:
        """Put removed articles back exactly as they were (same ids, labels, statuses, notes)."""
        ids, annotator_id = list(dict.fromkeys(article_ids)), self.ensure_annotator(by)
        with self.transaction():
            shots = {i: removal_sql.removal_snapshot(self.conn, i) for i in ids}
            found = {i for i, shot in shots.items() if shot is not None}
            _require(ids, found, "among the removed articles")
            now, restored = utc_now(), []
            for article_id, shot in shots.items():
                self._restore(shot)
                first_unit = shot["units"][0][0]
                after = {"article_id": article_id, "title": shot["article"]["title"]}
                log_event(self.conn, annotator_id, first_unit, RESTORE_ACTION, {}, after, now)
                restored.append(_summary(shot))
        return restored

    def _restore(self, shot: dict) -> None:
        twin = removal_sql.same_content(self.conn, shot)
        if twin is not None:
            raise RestoreConflict(
                f"article {shot['article']['id']} cannot be restored: the same article was "
                f"imported again since, as article {twin}"
            )
        names = {row[1] for name in ("labels", "statuses", "notes") for row in shot[name]}
        ids = {name: self._annotator_id(name, create=True) for name in names}
        removal_sql.insert_snapshot(self.conn, shot, ids)

    def removal_preview(self, article_id: int) -> RemovedArticle | None:
        """What remove_articles would take out (None: no such article), for a confirmation."""
        if not removal_sql.existing_ids(self.conn, [article_id]):
            return None
        return _summary(removal_sql.snapshot(self.conn, article_id))


def _require(wanted: list[int], found: set[int], where: str) -> None:
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        noun = "article" if len(missing) == 1 else "articles"
        raise ArticleNotFound(
            f"no {noun} with id {', '.join(missing)} {where}; nothing was changed"
        )
