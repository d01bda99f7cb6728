"""Which file system a project lives on, and whether SQLite's WAL mode is safe there.

WAL keeps its index in shared memory (the `-shm` file, mapped by every process that opens
the project). That only works between processes on one host: on a network file system each
workstation maps its own copy, so two of them would each believe they see the whole log and
the file is corrupted. SQLite says so in "WAL mode" section 8 and in "How To Corrupt An
SQLite Database File". Projects on such a file system are opened with a rollback journal
instead (see database.py).

Only the path is looked at here, never the file: reading /proc/self/mountinfo, statfs() and
GetDriveType() open nothing of the project, so they cannot disturb SQLite's locks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Linux mountinfo types and macOS f_fstypename values of file systems that reach another host.
NETWORK_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda",
        "9p", "ceph", "glusterfs", "lustre", "gfs2", "ocfs2", "davfs", "webdav", "afpfs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2",
        "fuse.cephfs", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.gvfsd-fuse",
    }
)  # fmt: skip
MOUNTINFO = Path("/proc/self/mountinfo")
DRIVE_REMOTE = 4  # GetDriveTypeW for a mapped network drive or a \\server\share path


@dataclass(frozen=True)
class FileSystem:
    kind: str  # "ext4", "nfs4", "network drive", or "unknown"
    mount_point: str
    network: bool

    @property
    def wal_safe(self) -> bool:
        return not self.network

    def describe(self) -> str:
        where = f"{self.kind} at {self.mount_point}" if self.mount_point else self.kind
        return f"{where} (network: WAL not safe)" if self.network else where


def filesystem_of(path: str | Path) -> FileSystem:
    """The file system holding `path` (or, for a file not yet made, its nearest folder)."""
    target = _existing_ancestor(Path(path))
    if sys.platform.startswith("linux") and MOUNTINFO.exists():
        return from_mountinfo(target, MOUNTINFO.read_text(encoding="utf-8", errors="replace"))
    if sys.platform == "win32":
        return _from_windows(target)
    if sys.platform == "darwin":
        return _from_statfs(target)
    return FileSystem("unknown", "", False)


def _existing_ancestor(path: Path) -> Path:
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.resolve()


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as octal escapes."""
    for code in ("040", "011", "012", "134"):
        field = field.replace(f"\\{code}", chr(int(code, 8)))
    return field


def parse_mountinfo(text: str) -> list[tuple[str, str, str]]:
    """(mount point, file system type, source) for each line of /proc/<pid>/mountinfo."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append((_unescape(fields[4]), tail[0], _unescape(tail[1])))
    return mounts


def from_mountinfo(path: Path, text: str) -> FileSystem:
    best = ("", "unknown", "")
    for mount_point, kind, source in parse_mountinfo(text):
        inside = path == Path(mount_point) or Path(mount_point) in path.parents
        if inside and len(mount_point) >= len(best[0]):  # later mounts shadow earlier ones
            best = (mount_point, kind, source)
    mount_point, kind, _source = best
    return FileSystem(kind, mount_point, is_network_type(kind))


def is_network_type(kind: str) -> bool:
    kind = kind.lower()
    return kind in NETWORK_TYPES or kind.split(".")[0] in NETWORK_TYPES


def _from_windows(path: Path) -> FileSystem:  # pragma: no cover - measured on Windows only
    anchor = path.anchor or str(path)
    if anchor.startswith("\\\\"):
        return FileSystem("network share", anchor, True)
    drive_type = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(anchor))
    if drive_type == DRIVE_REMOTE:
        return FileSystem("network drive", anchor, True)
    return FileSystem("local drive", anchor, False)


class _StatFs(ctypes.Structure):  # pragma: no cover - macOS struct statfs (64-bit inodes)
    _fields_ = [
        ("f_bsize", ctypes.c_uint32),
        ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64),
        ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64),
        ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64),
        ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32),
        ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32),
        ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * 16),
        ("f_mntonname", ctypes.c_char * 1024),
        ("f_mntfromname", ctypes.c_char * 1024),
        ("f_flags_ext", ctypes.c_uint32),
        ("f_reserved", ctypes.c_uint32 * 7),
    ]


def _from_statfs(path: Path) -> FileSystem:  # pragma: no cover - measured on macOS only
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    statfs = libc["statfs$INODE64"] if hasattr(libc, "statfs$INODE64") else libc.statfs
    result = _StatFs()
    if statfs(os.fsencode(path), ctypes.byref(result)) != 0:
        return FileSystem("unknown", "", False)
    kind = result.f_fstypename.decode(errors="replace")
    return FileSystem(kind, result.f_mntonname.decode(errors="replace"), is_network_type(kind))
