"""The team server: every PostgreSQL statement Annotator sends, beside the SQLite ones.

A project's team server is one PostgreSQL database holding the schema `annotator`: the
project's themes, articles, units and assignments, and everyone's events (the same
append-only log each project keeps, keyed by the events' UUIDv7). PostgreSQL does the
storage, the concurrency, the accounts and the access rules (row-level security); the app
only pushes the events a server lacks and pulls the ones a person may see.

    connection.py  connecting (timeouts, keepalives, sslmode from the URL), errors in words
    schema.py      the server's own migrations, roles and row-level security
    hub.py         Hub: one connection and its parts
    content.py     themes, articles, units, assignments
    events.py      events up and down, in the server's change order
    accounts.py    the annotators' login roles
    status.py      who has what, who synced when
"""
