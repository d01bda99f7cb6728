"""What a test needs from the machine: skip with a reason on a developer's machine, fail in CI.

CI sets CI=true; there every test must run, so a missing server, mount or tool is a failure
(the CI script installs and starts what the tests need), never a quiet skip.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, reason: str) -> None:
    """Skip (on a developer's machine) or fail (in CI) when `condition` is false."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must be able to run this test: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """Make `folder` truly read-only for this process while the block runs.

    As root, permissions do not stop writes, so the folder is bind-mounted read-only over
    itself (the kernel refuses writes with EROFS); as another user, chmod 0555 does it.
    """
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True, text=True
    )
    require(mounted.returncode == 0, f"cannot bind-mount read-only: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


SSHD = Path("/usr/sbin/sshd")


@contextlib.contextmanager
def sshfs_mount(folder: Path, port: int = 2299) -> Iterator[Path]:
    """A real network file system: `folder/remote` served by sshd on loopback and mounted
    with sshfs (FUSE) at `folder/mnt`. /proc/self/mountinfo lists it as fuse.sshfs."""
    import shutil

    require(
        shutil.which("sshfs") is not None and SSHD.exists() and Path("/dev/fuse").exists(),
        "sshfs, openssh-server and /dev/fuse are needed (apt-get install sshfs openssh-server)",
    )
    keys, remote, mount = folder / "keys", folder / "remote", folder / "mnt"
    for made in (keys, remote, mount):
        made.mkdir(parents=True)
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)])
    (keys / "authorized").write_text((keys / "client.pub").read_text())
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\n"
        f"AuthorizedKeysFile {keys / 'authorized'}\nPasswordAuthentication no\n"
        f"StrictModes no\nPidFile {folder / 'sshd.pid'}\nSubsystem sftp internal-sftp\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)
    sshd = subprocess.Popen([str(SSHD), "-D", "-f", str(config), "-E", str(folder / "sshd.log")])
    try:
        _mount_sshfs(keys / "client", port, remote, mount)
        try:
            yield mount
        finally:
            subprocess.run(["fusermount", "-u", str(mount)], capture_output=True)
    finally:
        sshd.terminate()
        sshd.wait(timeout=10)


def _mount_sshfs(key: Path, port: int, remote: Path, mount: Path) -> None:
    import time

    options = f"IdentityFile={key},StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null"
    command = ["sshfs", "-p", str(port), "-o", options, f"root@127.0.0.1:{remote}", str(mount)]
    for _attempt in range(50):  # sshd takes a moment to listen
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode == 0:
            return
        time.sleep(0.1)
    require(False, f"sshfs could not mount: {done.stderr.strip()}")


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real file system of `size` (e.g. "3M") mounted at `folder`: a disk that fills up."""
    folder.mkdir(parents=True, exist_ok=True)
    require(os.geteuid() == 0, "mounting a small file system needs root (CI runs as root)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    require(mounted.returncode == 0, f"cannot mount a small tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
