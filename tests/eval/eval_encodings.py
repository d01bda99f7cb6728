"""Decode every file of corpora/encodings and compare with the truth and the UTF-8 twins.

Usage: python tests/eval/eval_encodings.py [--shared PATH] [--json]

The shared folder is --shared, else $ANNOTATOR_SHARED, else <repo>/../shared.
The true encoding comes from the folder or file name (corpora/SOURCES.md, section 4). A twin
is the same text in UTF-8 (chardet utf-8-arabic/, uchardet ar-utf-8.txt, charset_normalizer
sample-arabic.txt); a chardet file without a UTF-8 twin is compared with its windows-1256
sibling. The chardet ISO-8859-6 and cp720 files have ASCII "," where the twins have "،" (an
artefact of how they were generated; cp720 has no Arabic comma), so texts that differ only
there count as equal and are marked so. The Chromium test pages differ in their <title>
(the encoding's name), so only their <body> is compared. HTML-like files get their
<meta charset> as the declared charset, as the HTML reader does. The malformed_utf8 files
must come out as UTF-8 with the number of replaced bytes that SOURCES.md states.
Exit status 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from annotator.core.encoding import decode_bytes  # noqa: E402
from annotator.core.model import ReadError  # noqa: E402
from annotator.core.readers.html import declared_charset  # noqa: E402

ENCODINGS = "corpora/encodings"
MALFORMED_BYTES = {  # SOURCES.md: truncated UTF-8 sequences in each copy
    "shadesofnews.com_20130301172232_rss-index6.php": 24,
    "www.al-rashidrealestate.com_20101102021207_feed2.php": 1,
}
_REPLACED = re.compile(r"^(\d+) malformed UTF-8 byte")
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)


@dataclass
class Row:
    file: str
    expected: str
    detected: str
    twin: str  # "equal", "equal (ASCII commas)", "DIFFERENT" or "-" (no twin)
    twin_file: str
    replaced_bytes: int
    ok: bool


def shared_dir(argument: str | None) -> Path:
    return Path(argument or os.environ.get("ANNOTATOR_SHARED") or REPO.parent / "shared")


def expected_encoding(relative: Path) -> str:
    folder, name = relative.parts[0], relative.name
    if folder == "chardet":
        return relative.parts[1].removesuffix("-arabic")
    if folder == "uchardet":
        return name.removeprefix("ar-").removesuffix(".txt")
    if folder == "charset_normalizer":
        return "windows-1256" if name == "sample-arabic-1.txt" else "utf-8"
    return "utf-8"  # malformed_utf8


def twin_of(path: Path, relative: Path) -> Path | None:
    folder, name = relative.parts[0], relative.name
    if folder == "chardet":
        for sibling in ("utf-8-arabic", "windows-1256-arabic"):
            if relative.parts[1] == sibling:
                return None
            twin = path.parent.parent / sibling / _chromium_name(name, sibling)
            if twin.exists():
                return twin
    if folder == "uchardet" and name != "ar-utf-8.txt":
        return path.with_name("ar-utf-8.txt")
    if folder == "charset_normalizer" and name == "sample-arabic-1.txt":
        return path.with_name("sample-arabic.txt")
    return None


def _chromium_name(name: str, sibling: str) -> str:
    encoding = sibling.removesuffix("-arabic")
    return re.sub(r"_chromium_[^_]+_", f"_chromium_{encoding}_", name)


def compare_with_twin(text: str, twin: Path | None) -> str:
    if twin is None:
        return "-"
    raw = twin.read_bytes()
    twin_text = decode_bytes(raw, declared_charset(raw)).text
    if twin.suffix == ".html":
        text, twin_text = (_body(t) for t in (text, twin_text))
    if text == twin_text:
        return "equal"
    if text.replace("،", ",") == twin_text.replace("،", ","):
        return "equal (ASCII commas)"
    return "DIFFERENT"


def _body(html: str) -> str:
    found = _BODY.search(html)
    return found.group(1) if found else html


def evaluate(path: Path, root: Path) -> Row:
    relative = path.relative_to(root)
    expected = expected_encoding(relative)
    data = path.read_bytes()
    declared = declared_charset(data) if path.suffix in (".html", ".php") else None
    try:
        decoded = decode_bytes(data, declared, str(path))
    except ReadError as error:
        return Row(str(relative), expected, f"error: {error.reason}", "-", "", 0, False)
    replaced = sum(int(m.group(1)) for w in decoded.warnings if (m := _REPLACED.match(w)))
    twin_path = twin_of(path, relative)
    twin = compare_with_twin(decoded.text, twin_path)
    ok = decoded.encoding == expected and twin != "DIFFERENT"
    ok = ok and replaced == MALFORMED_BYTES.get(relative.name, 0)
    twin_file = str(twin_path.relative_to(root)) if twin_path else ""
    return Row(str(relative), expected, decoded.encoding, twin, twin_file, replaced, ok)


def print_table(rows: list[Row], seconds: float) -> None:
    width = max(len(r.file) for r in rows)
    print(f"{'file':<{width}}  {'true':<12} {'detected':<12} {'twin text':<21} {'replaced':>8}  ok")
    for r in rows:
        mark = "yes" if r.ok else "NO"
        print(
            f"{r.file:<{width}}  {r.expected:<12} {r.detected:<12} {r.twin:<21} {r.replaced_bytes:>8}  {mark}"
        )
    passed = sum(r.ok for r in rows)
    twins = sum(r.twin.startswith("equal") for r in rows)
    print(
        f"\n{passed}/{len(rows)} files decoded as their true encoding; {twins} equal to their twin; {seconds:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path of the shared folder (default: ../shared)")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    args = parser.parse_args()
    root = shared_dir(args.shared) / ENCODINGS
    if not root.is_dir():
        print(f"no corpus at {root}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md")
    rows = [evaluate(path, root) for path in files]
    seconds = time.perf_counter() - started
    if args.json:
        print(
            json.dumps({"files": [asdict(r) for r in rows], "seconds": round(seconds, 3)}, indent=2)
        )
    else:
        print_table(rows, seconds)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
