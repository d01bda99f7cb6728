"""Bytes to text for Arabic sources: BOMs, UTF-16, UTF-8 (even slightly broken), legacy code pages.

Legacy Arabic files (windows-1256, ISO-8859-6, cp720) and malformed UTF-8 all decode *without
error* as windows-1256, so "try UTF-8, else cp1256" corrupts text silently. Every guess made
here is therefore checked: the result must read as Arabic (see `arabic_text_problem`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import NoReturn

# charset-normalizer rather than chardet/cchardet: it is maintained (requests depends on it),
# pure Python with optional speedups, MIT-licensed, can be restricted to a candidate list
# (`cp_isolation`) and ranks candidates by a "chaos" measure. On the shared corpus it names
# every windows-1256 / ISO-8859-6 / cp720 sample correctly (tests/eval/eval_encodings.py).
from charset_normalizer import from_bytes

from annotator.core.model import ReadError
from annotator.core.text import ARABIC_LETTER, arabic_share

# Single-byte code pages that real Arabic files arrive in, most common first.
ARABIC_CODE_PAGES = ("cp1256", "iso8859_6", "cp720")
_DISPLAY_NAMES = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf-32-le": "utf-32-le",
    "utf-32-be": "utf-32-be",
    "cp1256": "windows-1256",
    "iso8859-6": "iso-8859-6",
    "cp720": "cp720",
}
# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A correct decoding has (almost) only Arabic letters among its non-ASCII letters, and almost
# none of the letter pairs below; measured on the shared corpus, correct decodings score
# share 1.0 / mojibake 0, wrong ones share <= 0.94 or mojibake >= 15 % of Arabic letters.
MIN_ARABIC_SHARE = 0.9
MAX_MOJIBAKE_RATE = 0.02
# Malformed UTF-8 stays UTF-8 when the bad bytes are rare among the well-formed characters.
MAX_BAD_UTF8_RATE = 0.05
MAX_CONTROL_BYTE_RATE = 0.01
# The Arabic check reads at most this many characters (start, middle, end of a big file).
CHECK_SAMPLE_CHARS = 300_000

_ARABIC = "\u0621-\u064a"
# ISO-8859-6 or cp720 read as windows-1256: Latin-1 accented letters glued to Arabic ones.
# A lone Arabic letter inside a Latin word ("cafل") is a Latin-1 byte read as Arabic.
_LATIN_IN_ARABIC = re.compile(f"[{_ARABIC}][A-Za-z\u00c0-\u00ff]|[A-Za-z\u00c0-\u00ff][{_ARABIC}]")
# UTF-8 read as windows-1256: lead bytes D8-DB show as ط ظ ع غ, followed by a continuation
# byte (80-BF) shown as a symbol; Arabic punctuation that legitimately follows ط is left out.
_CONTINUATION = set(bytes(range(0x80, 0xC0)).decode("cp1256")) - set("،؛؟«»\u00a0\u200c\u200d\xad")
_UTF8_AS_CP1256 = re.compile(f"[طظعغ][{re.escape(''.join(sorted(_CONTINUATION)))}]")
# cp720/cp1256 read as the other: box drawing, block elements and C1 controls.
_BOX_OR_C1 = re.compile("[\u2500-\u259f\u0080-\u009f]")
# C0 controls other than tab, newlines, form feed and the DOS end-of-file mark (0x1A).
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
# bytes.translate(None, delete) counts these in one C pass (a regex findall is ~10x slower).
_CONTROL_BYTE_SET = bytes([*range(0x01, 0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20)])
_PAGE_BREAKS = re.compile("[\x0b\x0c\x1a]")
_DOS_END_OF_FILE = re.compile("\x1a")
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE_ESCAPES = re.compile("[\udc80-\udcff]")
_ASCII_RUNS = re.compile("[\x00-\x7f]+")


@dataclass
class Decoded:
    text: str
    encoding: str  # a display name: utf-8, windows-1256, iso-8859-6, cp720, utf-16-le, ...
    warnings: list[str] = field(default_factory=list)


def display_name(codec: str) -> str:
    name = codecs.lookup(codec).name
    return _DISPLAY_NAMES.get(name, name)


def decode_bytes(
    data: bytes, declared: str | None = None, path: str = "", page_breaks: bool = True
) -> Decoded:
    """Decode a file's bytes to text, checking that any guessed encoding yields Arabic.

    `page_breaks`: turn vertical tabs and form feeds into line breaks, as text files want.
    Records (CSV, JSON) must keep them until they are parsed: a line break inside a CSV
    field would split its row, and line numbers would be wrong. (Their readers clean each
    field's text afterwards, which turns them into line breaks there.)
    """
    if not data:
        raise ReadError(path, "empty file")
    found = _decode_unicode_signature(data, path)
    if found is None:
        _reject_binary(data, path)
        found = _decode_utf8(data)
    if found is None:
        found = _decode_declared(data, declared) or _detect_arabic_code_page(data, path)
    _note_ignored_declaration(found, declared, data)
    return _without_stray_controls(found, page_breaks)


def _decode_unicode_signature(data: bytes, path: str) -> Decoded | None:
    """UTF with a BOM, or UTF-16 recognised by its high bytes; None when neither applies."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig":
                return _decode_utf8(data[len(bom) :], codec) or _undecodable(path, codec)
            return _strict(data[len(bom) :], codec) or _undecodable(path, codec)
    codec = _utf16_without_bom(data)
    found = _strict(data, codec) if codec else None
    # Binary data full of small 16-bit numbers looks the same; it fails as binary later.
    return found if found and _plausible_utf16(found.text) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 shows as one byte of each pair being 0x00 (ASCII) or 0x06 (the Arabic block)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]

    def high_byte_share(half: bytes) -> float:
        return (half.count(0) + half.count(6)) / len(half)

    if high_byte_share(odd) >= 0.6 and high_byte_share(even) < 0.2:
        return "utf-16-le"
    if high_byte_share(even) >= 0.6 and high_byte_share(odd) < 0.2:
        return "utf-16-be"
    return None


def _plausible_utf16(text: str) -> bool:
    controls = len(_STRAY_CONTROLS.findall(text))
    readable = text.isascii() or arabic_text_problem(text) is None
    return readable and controls <= MAX_CONTROL_BYTE_RATE * len(text)


def _reject_binary(data: bytes, path: str) -> None:
    if b"\x00" in data:
        raise ReadError(path, "binary data (NUL bytes), not a text file")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTE_SET))
    if controls > MAX_CONTROL_BYTE_RATE * len(data):
        raise ReadError(path, f"binary data ({controls} control bytes), not a text file")


def _decode_utf8(data: bytes, codec: str = "utf-8") -> Decoded | None:
    """Strict UTF-8, or UTF-8 with a few malformed bytes replaced (U+FFFD) and reported."""
    try:
        return Decoded(data.decode("utf-8"), codec)  # the common case, in one C call
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    bad_bytes = len(_SURROGATE_ESCAPES.findall(text))
    well_formed = len(text) - len(text.encode("ascii", "ignore")) - bad_bytes
    if bad_bytes > MAX_BAD_UTF8_RATE * well_formed:
        return None
    warning = f"{bad_bytes} malformed UTF-8 byte(s) replaced with U+FFFD"
    return Decoded(_SURROGATE_ESCAPES.sub("\ufffd", text), codec, [warning])


def _decode_declared(data: bytes, declared: str | None) -> Decoded | None:
    """The charset named by the file (HTML meta, HTTP), only if its result reads as Arabic."""
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    found = _strict(data, codec)
    if found and arabic_text_problem(found.text) is None:
        return found
    return None


def _detect_arabic_code_page(data: bytes, path: str) -> Decoded:
    """Ask charset-normalizer, restricted to Arabic code pages; keep the best checked answer."""
    fitting, problems = _fitting_code_pages(data)
    if not fitting:
        reasons = "; ".join(problems)
        raise ReadError(path, f"undecodable: not UTF-8, and no Arabic code page fits ({reasons})")
    # Short texts can fit both windows-1256 and ISO-8859-6 (they share the letters ء..ض);
    # the reading with more definite articles "ال" is the real one. Ties keep the ranking.
    best = max(fitting, key=_article_count)
    rivals = [
        d.encoding
        for d in fitting
        if d.text != best.text and _article_count(d) == _article_count(best)
    ]
    if rivals:
        best.warnings.append(
            f"encoding uncertain: {', '.join(rivals)} would also fit; chose {best.encoding}"
        )
    return best


def _fitting_code_pages(data: bytes) -> tuple[list[Decoded], list[str]]:
    """Decodings that read as Arabic, in charset-normalizer's order, and why the others fail."""
    ranked = [
        codecs.lookup(m.encoding).name
        for m in from_bytes(data, cp_isolation=list(ARABIC_CODE_PAGES))
    ]
    # charset-normalizer may reject every candidate on short inputs; the code pages it did not
    # rank are still tried, and all go through the same check (never a blind fallback).
    others = [codecs.lookup(c).name for c in ARABIC_CODE_PAGES]
    fitting, problems = [], []
    for codec in dict.fromkeys(ranked + others):
        found = _strict(data, codec)
        problem = (
            "has bytes it does not define" if found is None else arabic_text_problem(found.text)
        )
        if problem is None:
            fitting.append(found)
        else:
            problems.append(f"{display_name(codec)}: {problem}")
    return fitting, problems


def _article_count(found: Decoded) -> int:
    return found.text.count("ال")


def _strict(data: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), display_name(codec))
    except UnicodeDecodeError:
        return None


def _undecodable(path: str, codec: str) -> NoReturn:
    raise ReadError(
        path,
        f"undecodable: the file starts like {display_name(codec)} but is not valid {display_name(codec)}",
    )


def _note_ignored_declaration(found: Decoded, declared: str | None, data: bytes) -> None:
    if not declared or data.isascii():
        return
    try:
        name = display_name(declared.strip())
    except LookupError:
        found.warnings.append(f"unknown declared charset {declared!r} ignored")
        return
    if name.removesuffix("-sig") != found.encoding.removesuffix("-sig"):
        found.warnings.append(
            f"declared charset {declared!r} ignored: the text is {found.encoding}"
        )


def _check_sample(text: str) -> str:
    if len(text) <= CHECK_SAMPLE_CHARS:
        return text
    third = CHECK_SAMPLE_CHARS // 3
    middle = len(text) // 2
    return "\n".join((text[:third], text[middle : middle + third], text[-third:]))


def arabic_text_problem(text: str) -> str | None:
    """Why a decoding does not read as Arabic text (None if it does)."""
    text = _check_sample(text)
    arabic_letters = len(ARABIC_LETTER.findall(text))
    if not arabic_letters:
        return "no Arabic letters"
    non_ascii = _ASCII_RUNS.sub("", text)
    share = arabic_share(non_ascii)
    if share < MIN_ARABIC_SHARE:
        return f"only {share:.0%} of the non-ASCII letters are Arabic"
    mojibake = len(_LATIN_IN_ARABIC.findall(text)) + len(_UTF8_AS_CP1256.findall(text))
    if mojibake > MAX_MOJIBAKE_RATE * arabic_letters:
        return f"mojibake ({mojibake} garbled letter pairs)"
    odd_symbols = len(_BOX_OR_C1.findall(non_ascii))
    if odd_symbols > MAX_MOJIBAKE_RATE * len(non_ascii):
        return f"mojibake ({odd_symbols} box-drawing or control characters)"
    return None


def _without_stray_controls(found: Decoded, page_breaks: bool = True) -> Decoded:
    """Drop the odd control character a text file may hold; page breaks become newlines
    (for records only the DOS end-of-file mark: see decode_bytes)."""
    if not _ANY_CONTROL.search(found.text):
        return found  # the common case: one scan instead of three
    found.text = (_PAGE_BREAKS if page_breaks else _DOS_END_OF_FILE).sub("\n", found.text)
    stray = len(_STRAY_CONTROLS.findall(found.text))
    if stray:
        found.text = _STRAY_CONTROLS.sub("", found.text)
        found.warnings.append(f"{stray} control character(s) removed")
    return found
