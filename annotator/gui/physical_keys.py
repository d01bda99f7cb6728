"""Which key was pressed, whatever letter the keyboard layout puts on it.

Qt matches shortcuts by the key code a layout produces. With an Arabic-only layout the key
marked Z sends ئ, so Ctrl+Z matched nothing (with "ara,us" Qt falls back to the Latin group
itself). The native scan code (X11 and Wayland: XKB keycodes, which are evdev codes + 8) or
virtual key (Windows VK_*, macOS kVK_*) names the physical key on every layout; these tables
give the letter a US keyboard prints on it, so a shortcut can be matched by its key.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

_ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
# XKB keycodes: Q is 24, A is 38, Z is 52; the digit row 1…0 is 10…19, then - and =.
_XKB = {
    **{24 + i: c for i, c in enumerate(_ROWS[0])},
    **{38 + i: c for i, c in enumerate(_ROWS[1])},
    **{52 + i: c for i, c in enumerate(_ROWS[2])},
    **{10 + i: c for i, c in enumerate("1234567890-=")},
    **dict(zip((34, 35, 47, 48, 49, 59, 60, 61), "[];'`,./", strict=True)),
}
# Windows virtual keys: letters and digits are their ASCII codes; OEM minus and plus.
_WINDOWS = {
    **{ord(c): c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"},
    **dict(
        zip((0xBD, 0xBB, 0xDB, 0xDD, 0xBA, 0xDE, 0xC0, 0xBC, 0xBE, 0xBF), "-=[];'`,./", strict=True)
    ),
}
# macOS kVK_ANSI_* codes.
_MAC = dict(
    zip(
        (0, 11, 8, 2, 14, 3, 5, 4, 34, 38, 40, 37, 46, 45, 31, 35, 12, 15, 1, 17, 32, 9, 13, 7,
         16, 6, 29, 18, 19, 20, 21, 23, 22, 26, 28, 25, 27, 24, 33, 30, 41, 39, 50, 43, 47, 44),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-=[];'`,./",
        strict=True,
    )
)  # fmt: skip

# The standard Arabic layout (X11 "ara", Windows "Arabic (101)"): its letter on each US key.
ARABIC_LAYOUT = {
    **dict(zip("QWERTYUIOPASDFGHJKLZXCVNM", "ضصثقفغعهخحشسيبلاتنمئءؤرىة", strict=True)),
    **dict(zip("[];'`,./", "جدكطذوزظ", strict=True)),
    "B": "لا",  # one key, two letters
}


def physical_key(event: QKeyEvent) -> str | None:
    """The US key (A-Z, 0-9 or punctuation) under the finger, from the event's native codes."""
    if sys.platform == "win32":
        return _WINDOWS.get(event.nativeVirtualKey())
    if sys.platform == "darwin":
        return _MAC.get(event.nativeVirtualKey())
    return _XKB.get(event.nativeScanCode())


def arabic_letter(key: str) -> str | None:
    """The letter the standard Arabic layout puts on a US key (ى on N)."""
    return ARABIC_LAYOUT.get(key)


_EDITING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_ALL = _CHORD | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier


def _on_a_latin_key(event: QKeyEvent) -> str | None:
    """The US key of a chord (Ctrl or Alt held) whose layout gave a non-Latin key code."""
    if not event.modifiers() & _CHORD or 0 < event.key() < 0x80 or event.key() > 0x10FFFF:
        return None  # no chord, a Latin key Qt has matched already, or a named key (F1, ↓…)
    return physical_key(event)


def as_latin(event: QKeyEvent, key: str) -> QKeyEvent:
    """The same press as a US layout would report it (no text: it is a shortcut)."""
    return QKeyEvent(
        QEvent.Type.KeyPress,
        ord(key),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        "",
    )


def shortcut_by_position(
    event: QKeyEvent, focus: QWidget, actions: Iterable[QAction], typing: bool
) -> bool:
    """Ctrl+key on a non-Latin layout: run what the same key does on a US layout.

    In a text field the editing keys (undo, cut, copy, paste, select all) go to the field, as
    they do on a Latin layout; anything else is the window action with that key sequence.
    """
    key = _on_a_latin_key(event)
    if key is None or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    latin = as_latin(event, key)
    if typing and any(latin.matches(k) for k in _EDITING_KEYS):
        QApplication.sendEvent(focus, latin)
        return True
    wanted = QKeySequence(QKeyCombination(event.modifiers() & _ALL, Qt.Key(ord(key))))
    for action in actions:
        if action.isEnabled() and any(
            s.matches(wanted) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()
        ):
            action.trigger()
            return True
    return False


def mnemonic_letter(event: QKeyEvent) -> str | None:
    """Alt+key in an Arabic interface: the Arabic letter on that key (menus are underlined in
    Arabic), whether the layout reported the key as Latin ("ara,us") or not at all."""
    if event.modifiers() & _ALL != Qt.KeyboardModifier.AltModifier:
        return None
    key = physical_key(event)
    if key is None and 0x20 < event.key() < 0x7F:
        key = chr(event.key()).upper()
    return arabic_letter(key) if key else None
