"""Team server workflow (no Qt): set up a server, add annotators, join, sync, status."""
