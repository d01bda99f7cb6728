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
