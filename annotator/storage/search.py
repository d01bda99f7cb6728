"""What a person types into search, as an FTS5 query that is always valid and means what it says.

The search index splits text into words with SQLite's `unicode61` tokenizer: letters, digits
and private-use characters make words, everything else (spaces, punctuation, `_`, marks)
separates them. The query is split by the same tokenizer (SQLite's own, run on a private
in-memory table), so a quoted query word is always exactly one index word: FTS5 never sees
an operator (AND, OR, NOT, NEAR, `^`, `-`, `:`, `*`, parentheses) or a phrase, which the
index (detail=none) cannot answer. Then:

- every word must start a word of the article (`"word"*`, all words required);
- a piece typed without spaces that holds several words (`a_b`, `don't`, `3.5`, `e-mail`)
  must also appear as typed (after the same normalisation), since the index cannot check that
  words are adjacent;
- a query with no word at all (only punctuation, such as `'`, `*` or `(`) matches nothing.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from annotator.core.normalize import index_key
from annotator.storage.repository import Repository

TOKENIZER = "unicode61"  # as in the article_search table (schema.py, migration 0001)
_EDGE_SEPARATORS = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class SearchQuery:
    match: str  # the FTS5 MATCH expression; "" when the text holds no word
    literals: tuple[str, ...] = ()  # normalised pieces that must appear as typed

    @property
    def matches_nothing(self) -> bool:
        return not self.match


class _Tokenizer:
    """SQLite's tokenizer, reached through an fts5vocab table over a one-row FTS5 table."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(x, tokenize = '{TOKENIZER}')")
            conn.execute("CREATE VIRTUAL TABLE found USING fts5vocab(words, 'instance')")
            self._conn = conn
        return self._conn

    def words(self, text: str) -> list[str]:
        with self._lock:
            conn = self._connection()
            conn.execute("DELETE FROM words")
            conn.execute("INSERT INTO words (x) VALUES (?)", (text,))
            return [row[0] for row in conn.execute("SELECT term FROM found ORDER BY offset")]


_TOKENIZER = _Tokenizer()


def search_query(text: str) -> SearchQuery:
    words: list[str] = []
    literals: list[str] = []
    for piece in index_key(text).split():
        found = _TOKENIZER.words(piece)
        words.extend(found)
        if len(found) > 1:
            literals.append(_EDGE_SEPARATORS.sub("", piece))
    unique = list(dict.fromkeys(words))
    match = " ".join('"' + word.replace('"', '""') + '"*' for word in unique)
    return SearchQuery(match, tuple(dict.fromkeys(literals)))


def tokenized_words(text: str) -> list[str]:
    """The words the search index makes of a text (already normalised by index_key)."""
    return _TOKENIZER.words(text)


def has_words(text: str) -> bool:
    """False for a query that can match nothing (empty, or punctuation only)."""
    return not search_query(text).matches_nothing


SEARCH_INDEX_BATCH = 2_000
SearchKeys = tuple[int, str, str]  # article id, title key, text key


class SearchIndex(Repository):
    """The full-text index, built lazily: import leaves it out because it doubles import time;
    the window builds it in the background, and the first search builds whatever is left."""

    def pending(self) -> int:
        """Articles imported but not yet in the search index."""
        return self.conn.execute(
            "SELECT COUNT(*) FROM articles"
            " WHERE id > (SELECT COALESCE(MAX(rowid), 0) FROM article_search)"
        ).fetchone()[0]

    def update(self, limit: int = SEARCH_INDEX_BATCH) -> int:
        """Index up to `limit` more articles; returns how many it went through (0: complete).

        The keys are computed before the write lock is taken, so labelling in another window
        waits only for the insert.
        """
        keys = self._unindexed_keys(limit)
        if keys:
            with self.transaction():
                self._add(keys)
        return len(keys)

    def complete(self) -> None:
        while self.update():
            pass

    def _unindexed_keys(self, limit: int) -> list[SearchKeys]:
        rows = self.conn.execute(
            """SELECT id, title, text FROM articles
               WHERE id > (SELECT COALESCE(MAX(rowid), 0) FROM article_search)
               ORDER BY id LIMIT ?""",
            (limit,),
        ).fetchall()
        return [(article_id, index_key(title), index_key(text)) for article_id, title, text in rows]

    def _add(self, keys: list[SearchKeys]) -> None:
        """Insert keys computed earlier, skipping any that another connection indexed meanwhile.

        The index always covers a prefix of article ids (new articles get higher ids), so
        "already indexed" is "id at or below the highest indexed id".
        """
        indexed = self.conn.execute(
            "SELECT COALESCE(MAX(rowid), 0) FROM article_search"
        ).fetchone()[0]
        self.conn.executemany(
            "INSERT INTO article_search (rowid, title_key, text_key) VALUES (?, ?, ?)",
            [row for row in keys if row[0] > indexed],
        )
