"""Projects on network file systems: detected from the mount table, never opened in WAL mode.

The mount-table lines below are copied from real machines (NFS 4, SMB/CIFS, sshfs and a
local disk). The end-to-end tests use a real network file system: sshfs over loopback.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from annotator.storage.errors import DatabaseLocked
from annotator.storage.filesystems import (
    filesystem_of,
    from_mountinfo,
    is_network_type,
    parse_mountinfo,
)
from annotator.storage.store import Store
from tests.durability.processes import CHILD_ENV, REPO
from tests.environment import sshfs_mount
from tests.factories import make_article

MOUNTINFO = r"""
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
35 22 0:45 / /home/shared rw,relatime shared:20 - nfs4 files.example.org:/export/home rw,vers=4.2
36 22 0:46 / /mnt/team\040drive rw,relatime shared:21 - cifs //nas/team rw,vers=3.1.1,cache=strict
37 22 0:47 / /media/ssh rw,nosuid,nodev,relatime shared:22 - fuse.sshfs lead@host:/data rw
38 35 8:2 / /home/shared/local rw,relatime shared:23 - ext4 /dev/sdb1 rw
"""


@pytest.mark.parametrize(
    ("path", "kind", "network"),
    [
        ("/home/user/p.annotator", "ext4", False),
        ("/home/shared/p.annotator", "nfs4", True),
        ("/mnt/team drive/projects/p.annotator", "cifs", True),
        ("/media/ssh/p.annotator", "fuse.sshfs", True),
        ("/home/shared/local/p.annotator", "ext4", False),  # a local disk mounted inside NFS
    ],
)
def test_mount_table_says_which_file_system_holds_a_path(path, kind, network):
    from pathlib import Path

    found = from_mountinfo(Path(path), MOUNTINFO)
    assert (found.kind, found.network, found.wal_safe) == (kind, network, not network)


def test_mount_points_with_spaces_are_unescaped():
    points = [mount for mount, _kind, _source in parse_mountinfo(MOUNTINFO)]
    assert "/mnt/team drive" in points


def test_network_types():
    assert all(is_network_type(k) for k in ("nfs", "NFS4", "smb3", "cifs", "fuse.sshfs", "9p"))
    assert not any(is_network_type(k) for k in ("ext4", "btrfs", "tmpfs", "overlay", "fuse"))


def test_this_machines_temporary_folder_is_local(tmp_path):
    found = filesystem_of(tmp_path / "not-yet.annotator")
    assert not found.network and found.kind != "unknown"


@pytest.fixture
def network_folder(tmp_path):
    with sshfs_mount(tmp_path / "sshfs") as mount:
        yield mount


def cli(database, *args) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "annotator", "--db", str(database), *args]
    return subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV, cwd=REPO)


def test_project_on_a_network_file_system_uses_a_rollback_journal_held_alone(network_folder):
    database = network_folder / "team.annotator"
    with Store(database) as store:
        assert store.filesystem.kind == "fuse.sshfs" and store.journal == "delete"
        assert store.conn.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        store.articles.add([make_article("عنوان", ["جملة أولى.", "جملة ثانية."])])
        unit = store.articles.units(1)[1]
        store.labels.set_themes(unit.id, "salma", ["military"])
        with pytest.raises(DatabaseLocked, match="network folder"):
            Store(database)
        busy = cli(database, "stats")
        assert busy.returncode == 2 and "network folder (fuse.sshfs)" in busy.stderr
    assert not (network_folder / "team.annotator-wal").exists()
    assert '"military": 1' in cli(database, "stats", "--json").stdout


CHILD = """
import sys
from annotator.storage.store import Store
store = Store(sys.argv[1])
unit = store.articles.units(1)[1]
store.labels.set_themes(unit.id, "salma", ["economic"])
print("saved", flush=True)
sys.stdin.read()
"""


def test_a_killed_window_on_a_network_folder_keeps_its_labels_and_frees_the_project(
    network_folder,
):
    database = network_folder / "team.annotator"
    with Store(database) as store:
        store.articles.add([make_article("عنوان", ["جملة أولى.", "جملة ثانية."])])
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=CHILD_ENV,
        cwd=REPO,
    )
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store(database) as store:
        assert store.labels.state(store.articles.units(1)[1].id, "salma").themes == ("economic",)


def test_doctor_names_the_file_system_and_whether_wal_is_safe(network_folder, tmp_path):
    import json

    local = tmp_path / "local.annotator"
    Store(local).close()
    checks = {c["name"]: c for c in json.loads(cli(local, "doctor", "--json").stdout)}
    assert (
        checks["project_filesystem"]["ok"] and "WAL safe" in checks["project_filesystem"]["detail"]
    )
    assert "wal journal" in checks["project"]["detail"]
    assert "data_filesystem" in checks

    remote = network_folder / "team.annotator"
    Store(remote).close()
    checks = {c["name"]: c for c in json.loads(cli(remote, "doctor", "--json").stdout)}
    shared = checks["project_filesystem"]
    assert not shared["ok"] and shared["severity"] == "warning"
    assert "fuse.sshfs" in shared["detail"] and "one window" in shared["detail"]
    assert "delete journal" in checks["project"]["detail"]
