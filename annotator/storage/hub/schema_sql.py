"""The first server schema (server migration 1): tables, triggers, roles' rights, policies.

Never edited after release: later changes are later migrations (schema.py). `{lead}`,
`{member}` and `{database}` are filled in as quoted identifiers (psycopg.sql).
"""

# 'ANNO': the advisory lock every writer of a pulled table takes (see take_change_lock).
CHANGE_LOCK = 0x414E4E4F

TABLES = """
CREATE SCHEMA annotator;
CREATE TABLE annotator.meta (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    project_id text NOT NULL,
    lead_role text NOT NULL,
    member_role text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user
);
CREATE TABLE annotator.migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    app_version text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE annotator.changes;
CREATE TABLE annotator.themes (
    key text PRIMARY KEY,
    name_ar text NOT NULL,
    name_en text NOT NULL,
    color text NOT NULL,
    shortcut integer,
    position integer NOT NULL,
    definition_ar text NOT NULL DEFAULT '',
    definition_en text NOT NULL DEFAULT '',
    retired boolean NOT NULL DEFAULT false,
    keywords text NOT NULL DEFAULT '',
    seq bigint NOT NULL
);
CREATE TABLE annotator.articles (
    content_hash text PRIMARY KEY,
    title text NOT NULL,
    text text NOT NULL,
    source text NOT NULL DEFAULT '',
    url text NOT NULL DEFAULT '',
    category text NOT NULL DEFAULT '',
    date text NOT NULL DEFAULT '',
    author text NOT NULL DEFAULT '',
    original_id text NOT NULL DEFAULT '',
    encoding text NOT NULL DEFAULT '',
    extra text NOT NULL DEFAULT '{{}}',
    unit_count integer NOT NULL,
    imported_at text NOT NULL,
    seq bigint NOT NULL
);
CREATE INDEX articles_by_change ON annotator.articles (seq);
CREATE TABLE annotator.units (
    article_hash text NOT NULL REFERENCES annotator.articles (content_hash),
    idx integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('title', 'heading', 'sentence')),
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    PRIMARY KEY (article_hash, idx)
);
CREATE TABLE annotator.assignments (
    article_hash text NOT NULL REFERENCES annotator.articles (content_hash),
    annotator text NOT NULL,
    assigned_at text NOT NULL,
    assigned_by text NOT NULL DEFAULT session_user,
    seq bigint NOT NULL,
    PRIMARY KEY (article_hash, annotator)
);
CREATE INDEX assignments_by_annotator ON annotator.assignments (annotator, article_hash);
CREATE INDEX assignments_by_change ON annotator.assignments (seq);
CREATE TABLE annotator.events (
    uid uuid PRIMARY KEY,
    annotator text NOT NULL,
    device text NOT NULL,
    article_hash text NOT NULL,
    idx integer NOT NULL,
    action text NOT NULL CHECK (action NOT IN ('remove_article', 'restore_article')),
    before jsonb NOT NULL,
    after jsonb NOT NULL,
    at text NOT NULL,
    pushed_by text NOT NULL DEFAULT session_user,
    replica text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    seq bigint NOT NULL UNIQUE,
    FOREIGN KEY (article_hash, idx) REFERENCES annotator.units (article_hash, idx),
    CONSTRAINT events_state CHECK (COALESCE(CASE action
        WHEN 'note' THEN jsonb_typeof(after -> 'note') = 'string'
        WHEN 'adjudicate' THEN jsonb_typeof(after -> 'themes') IN ('array', 'null')
        ELSE jsonb_typeof(after -> 'themes') = 'array'
             AND after ->> 'status' IN ('not_seen', 'done_no_theme', 'done_with_themes',
                                        'skipped')
        END, false))
);
CREATE INDEX events_by_annotator ON annotator.events (annotator, seq);
CREATE TABLE annotator.adjudications (
    article_hash text NOT NULL,
    idx integer NOT NULL,
    themes jsonb NOT NULL,
    decided_by text NOT NULL,
    decided_at text NOT NULL,
    event_uid uuid NOT NULL,
    PRIMARY KEY (article_hash, idx),
    FOREIGN KEY (article_hash, idx) REFERENCES annotator.units (article_hash, idx)
);
CREATE TABLE annotator.syncs (
    login text NOT NULL DEFAULT session_user,
    replica text NOT NULL,
    device text NOT NULL,
    app_version text NOT NULL,
    synced_at timestamptz NOT NULL DEFAULT now(),
    pushed bigint NOT NULL DEFAULT 0,
    pulled bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (login, replica)
);
"""

# Every writer of a table that syncs pull "after change N" from takes one advisory lock for
# the rest of its transaction before its first row gets its number, so numbers are given in
# the order transactions commit: a sync that has read everything up to N never misses a
# smaller number committed later. The row trigger gives the number, whatever a client sent.
TRIGGERS = f"""
CREATE FUNCTION annotator.take_change_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_advisory_xact_lock({CHANGE_LOCK}); RETURN NULL; END $$;
CREATE FUNCTION annotator.next_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.seq := nextval('annotator.changes'); RETURN NEW; END $$;
CREATE FUNCTION annotator.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the event log is append-only' USING ERRCODE = '42501'; END $$;
CREATE FUNCTION annotator.check_event_themes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE unknown text;
BEGIN
    SELECT k INTO unknown FROM added e, jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(e.after -> 'themes') = 'array' THEN e.after -> 'themes'
             ELSE '[]'::jsonb END) AS k
    WHERE NOT EXISTS (SELECT 1 FROM annotator.themes t WHERE t.key = k) LIMIT 1;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'unknown theme %', unknown USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION annotator.adjudicated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO annotator.adjudications AS a
        (article_hash, idx, themes, decided_by, decided_at, event_uid)
    VALUES (NEW.article_hash, NEW.idx, NEW.after -> 'themes', NEW.annotator, NEW.at, NEW.uid)
    ON CONFLICT (article_hash, idx) DO UPDATE SET themes = EXCLUDED.themes,
        decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at,
        event_uid = EXCLUDED.event_uid
    WHERE a.event_uid < EXCLUDED.event_uid;
    RETURN NULL;
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON annotator.events
    FOR EACH ROW EXECUTE FUNCTION annotator.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON annotator.events
    FOR EACH STATEMENT EXECUTE FUNCTION annotator.refuse_change();
CREATE TRIGGER events_known_themes AFTER INSERT ON annotator.events
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION annotator.check_event_themes();
CREATE TRIGGER events_adjudicated AFTER INSERT ON annotator.events
    FOR EACH ROW WHEN (NEW.action = 'adjudicate') EXECUTE FUNCTION annotator.adjudicated();
"""

ORDERED_TABLES = ("themes", "articles", "assignments", "events")
ORDERING = "".join(
    f"""
CREATE TRIGGER {table}_lock BEFORE INSERT OR UPDATE ON annotator.{table}
    FOR EACH STATEMENT EXECUTE FUNCTION annotator.take_change_lock();
CREATE TRIGGER {table}_seq BEFORE INSERT OR UPDATE ON annotator.{table}
    FOR EACH ROW EXECUTE FUNCTION annotator.next_change();"""
    for table in ORDERED_TABLES
)

# Rights by table; row-level security narrows what a member sees and writes.
GRANTS = """
REVOKE ALL ON DATABASE {database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {lead}, {member};
GRANT USAGE ON SCHEMA annotator TO {lead}, {member};
GRANT USAGE ON SEQUENCE annotator.changes TO {lead}, {member};
GRANT SELECT ON annotator.meta, annotator.migrations, annotator.themes, annotator.articles,
    annotator.units, annotator.assignments, annotator.events TO {lead}, {member};
GRANT INSERT, UPDATE ON annotator.themes TO {lead};
GRANT INSERT ON annotator.articles, annotator.units, annotator.assignments TO {lead};
GRANT INSERT ON annotator.events TO {lead}, {member};
GRANT SELECT, INSERT, UPDATE ON annotator.adjudications TO {lead};
GRANT SELECT, INSERT, UPDATE ON annotator.syncs TO {lead}, {member};
"""

SECURED_TABLES = ("themes", "articles", "units", "assignments", "events", "adjudications", "syncs")
_ASSIGNED = (
    "EXISTS (SELECT 1 FROM annotator.assignments a"
    " WHERE a.article_hash = {column} AND a.annotator = session_user)"
)
POLICIES = (
    "".join(
        f"ALTER TABLE annotator.{table} ENABLE ROW LEVEL SECURITY;\n"
        f"CREATE POLICY lead_all ON annotator.{table} TO {{lead}} USING (true) WITH CHECK (true);\n"
        for table in SECURED_TABLES
    )
    + f"""
CREATE POLICY member_reads ON annotator.themes FOR SELECT TO {{member}} USING (true);
CREATE POLICY member_reads ON annotator.articles FOR SELECT TO {{member}}
    USING ({_ASSIGNED.format(column="articles.content_hash")});
CREATE POLICY member_reads ON annotator.units FOR SELECT TO {{member}}
    USING ({_ASSIGNED.format(column="units.article_hash")});
CREATE POLICY member_reads ON annotator.assignments FOR SELECT TO {{member}}
    USING (annotator = session_user);
CREATE POLICY member_reads ON annotator.events FOR SELECT TO {{member}}
    USING (annotator = session_user);
CREATE POLICY member_writes ON annotator.events FOR INSERT TO {{member}}
    WITH CHECK (annotator = session_user AND pushed_by = session_user
                AND action <> 'adjudicate' AND {_ASSIGNED.format(column="events.article_hash")});
CREATE POLICY member_own ON annotator.syncs TO {{member}}
    USING (login = session_user) WITH CHECK (login = session_user);
"""
)
