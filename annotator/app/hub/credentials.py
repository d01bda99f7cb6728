"""Team-server passwords: in libpq's password file or the system keyring, never a project.

libpq reads its password file (~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf on Windows,
or $PGPASSFILE) by itself on every connection, so a password saved there serves the
window's background sync and `annotator sync` alike. Where the optional `keyring` package is
installed with a working backend (the desktop's Secret Service, macOS Keychain, Windows
Credential Locker), the password goes there instead and is handed to libpq per connection.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.app.hub.atomic import replace_text

KEYRING_SERVICE = "annotator-team-server"


def _entry_fields(params: dict[str, str]) -> tuple[str, str, str, str]:
    host = params.get("host") or params.get("hostaddr") or "localhost"
    if host.startswith("/"):  # a Unix socket folder: libpq matches it as localhost
        host = "localhost"
    return host, params.get("port") or "5432", params.get("dbname", ""), params.get("user", "")


def keyring_account(params: dict[str, str]) -> str:
    host, port, database, user = _entry_fields(params)
    return f"{user}@{host}:{port}/{database}"


def _keyring():
    """The keyring module when it has a real backend, else None (no keyring here)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: use the password file
        return None
    return None if isinstance(backend, fail.Keyring) else keyring


def stored_password(params: dict[str, str]) -> str | None:
    """The password in the keyring for this server and login (None: let libpq look)."""
    found = _keyring()
    if found is None:
        return None
    try:
        return found.get_password(KEYRING_SERVICE, keyring_account(params))
    except Exception:  # a locked or unavailable keyring: libpq's file may still have it
        return None


def save_password(params: dict[str, str], password: str) -> str:
    """Keep the password where later connections find it; returns where, for the user."""
    found = _keyring()
    if found is not None:
        try:
            found.set_password(KEYRING_SERVICE, keyring_account(params), password)
            return "the system keyring"
        except Exception:  # refused or locked: fall back to the password file
            pass
    path = password_file()
    _write_password_file(path, params, password)
    return str(path)


def password_file() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _write_password_file(path: Path, params: dict[str, str], password: str) -> None:
    """Add or replace this server's line; the file stays readable by its owner only (libpq
    ignores a password file others can read)."""
    key = ":".join(_escape(part) for part in _entry_fields(params))
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not line.startswith(key + ":")]
    kept.append(f"{key}:{_escape(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_text(path, "\n".join(kept) + "\n")  # mode 0600, as mkstemp makes it
