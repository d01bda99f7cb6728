"""The first schema (migration 0001): its tables and the triggers that keep the counters.

Never edited after release: later changes are later migrations (schema.py)."""

TABLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    original_id TEXT NOT NULL DEFAULT '',
    encoding TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    content_hash TEXT NOT NULL UNIQUE,
    unit_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('title', 'heading', 'sentence')),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE TABLE themes (
    key TEXT PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    color TEXT NOT NULL,
    shortcut INTEGER CHECK (shortcut BETWEEN 1 AND 9),
    position INTEGER NOT NULL,
    definition_ar TEXT NOT NULL DEFAULT '',
    definition_en TEXT NOT NULL DEFAULT '',
    retired INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE labels (
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    theme_key TEXT NOT NULL REFERENCES themes(key) ON UPDATE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, annotator_id, theme_key)
) WITHOUT ROWID;
CREATE TABLE unit_status (
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status TEXT NOT NULL CHECK (status IN ('done_no_theme', 'done_with_themes', 'skipped')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, annotator_id)
) WITHOUT ROWID;
CREATE TABLE notes (
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, annotator_id)
) WITHOUT ROWID;
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    unit_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);
CREATE TABLE positions (
    annotator_id INTEGER PRIMARY KEY REFERENCES annotators(id),
    article_id INTEGER NOT NULL,
    unit_index INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE article_progress (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, annotator_id)
) WITHOUT ROWID;
CREATE TABLE article_theme_counts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL,
    theme_key TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, annotator_id, theme_key)
) WITHOUT ROWID;
CREATE INDEX labels_by_annotator ON labels(annotator_id, unit_id);
CREATE INDEX events_by_unit ON events(unit_id);
CREATE VIRTUAL TABLE article_search USING fts5(title_key, text_key, tokenize = 'unicode61', detail = none);
"""

# Counters kept by triggers so that progress and theme marks for 100,000 articles
# cost one indexed read instead of a scan of every label.
TRIGGERS = """
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE TRIGGER status_insert AFTER INSERT ON unit_status
WHEN NEW.status != 'skipped'
BEGIN
    INSERT INTO article_progress (article_id, annotator_id, done)
    VALUES ((SELECT article_id FROM units WHERE id = NEW.unit_id), NEW.annotator_id, 1)
    ON CONFLICT (article_id, annotator_id) DO UPDATE SET done = done + 1;
END;
CREATE TRIGGER status_update AFTER UPDATE OF status ON unit_status
WHEN (OLD.status = 'skipped') != (NEW.status = 'skipped')
BEGIN
    INSERT INTO article_progress (article_id, annotator_id, done)
    VALUES ((SELECT article_id FROM units WHERE id = NEW.unit_id), NEW.annotator_id,
            CASE WHEN NEW.status = 'skipped' THEN -1 ELSE 1 END)
    ON CONFLICT (article_id, annotator_id) DO UPDATE
    SET done = done + CASE WHEN NEW.status = 'skipped' THEN -1 ELSE 1 END;
END;
CREATE TRIGGER status_delete AFTER DELETE ON unit_status
WHEN OLD.status != 'skipped'
BEGIN
    UPDATE article_progress SET done = done - 1
    WHERE article_id = (SELECT article_id FROM units WHERE id = OLD.unit_id)
      AND annotator_id = OLD.annotator_id;
END;
CREATE TRIGGER label_insert AFTER INSERT ON labels
BEGIN
    INSERT INTO article_theme_counts (article_id, annotator_id, theme_key, n)
    VALUES ((SELECT article_id FROM units WHERE id = NEW.unit_id), NEW.annotator_id,
            NEW.theme_key, 1)
    ON CONFLICT (article_id, annotator_id, theme_key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER label_delete AFTER DELETE ON labels
BEGIN
    UPDATE article_theme_counts SET n = n - 1
    WHERE article_id = (SELECT article_id FROM units WHERE id = OLD.unit_id)
      AND annotator_id = OLD.annotator_id AND theme_key = OLD.theme_key;
END;
"""
