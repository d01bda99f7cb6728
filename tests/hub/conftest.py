"""Fixtures for the team-server tests: a real PostgreSQL database and logins per test."""

from __future__ import annotations

import pytest

from tests.hub.server import TeamServer, admin_url


@pytest.fixture(autouse=True)
def private_password_file(tmp_path, monkeypatch):
    """libpq's password file for this test only (never the user's ~/.pgpass)."""
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def team_server():
    server = TeamServer(admin_url()).create()
    try:
        yield server
    finally:
        server.drop()
