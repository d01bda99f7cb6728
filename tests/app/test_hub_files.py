"""Files a team server's client keeps (the link beside a project, libpq's password file) are
replaced whole and readable by their owner only: libpq ignores a password file others can read."""

from __future__ import annotations

import stat

import pytest

from annotator.app.hub import atomic
from annotator.app.hub.atomic import replace_text


def test_a_file_is_replaced_whole_and_kept_private(tmp_path):
    path = tmp_path / "pgpass"
    path.write_text("old line\n", encoding="utf-8")
    replace_text(path, "127.0.0.1:5432:*:amira:سر\n")
    assert path.read_text(encoding="utf-8") == "127.0.0.1:5432:*:amira:سر\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["pgpass"]  # nothing left aside


def test_a_failed_write_leaves_the_old_file_and_no_leftovers(tmp_path, monkeypatch):
    path = tmp_path / "project.annotator.hub.json"
    path.write_text("{}", encoding="utf-8")

    def full_disk(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError):
        replace_text(path, '{"format": 1}')
    assert path.read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
