"""Fill the installer templates (*.in) from the one version source, annotator/__init__.py.

  python packaging/render_templates.py TEMPLATE.in OUT [--suffix +ci1]
  python packaging/render_templates.py --print            # the values, one per line

Placeholders: @VERSION@ (as in the package), @DEB_VERSION@ (Debian ordering: 1.0rc1 ->
1.0~rc1), @WIN_VERSION@ (four numbers), @APP_NAME@, @DATE@ (release date: $SOURCE_DATE_EPOCH,
else the last commit's date, else today), @REPO@ (the checkout). Needs only the standard library,
so it runs on any build machine before the app's dependencies are installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_PRE_RELEASE = re.compile(r"(\d)(a|b|rc|dev)(\d*)")


def read_version() -> tuple[str, str]:
    """(__version__, APP_NAME) read from annotator/__init__.py without importing the package."""
    text = (REPO / "annotator" / "__init__.py").read_text(encoding="utf-8")
    version = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    name = re.search(r'^APP_NAME\s*=\s*"([^"]+)"', text, re.M)
    if not version or not name:
        raise SystemExit("annotator/__init__.py has no __version__ / APP_NAME")
    return version.group(1), name.group(1)


def deb_version(version: str, suffix: str = "") -> str:
    """PEP 440 to Debian: pre-releases sort before the release ('~'), '.devN' too."""
    text = _PRE_RELEASE.sub(r"\1~\2\3", version.replace(".dev", "~dev"))
    return text + suffix


def win_version(version: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def release_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return dt.date.today().isoformat()


def values(suffix: str = "") -> dict[str, str]:
    version, name = read_version()
    return {
        "VERSION": version + suffix.replace("~", "-"),
        "DEB_VERSION": deb_version(version, suffix),
        "WIN_VERSION": win_version(version),
        "APP_NAME": name,
        "DATE": release_date(),
        "REPO": str(REPO),
    }


def render(text: str, mapping: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in mapping:
            raise KeyError(f"unknown placeholder @{key}@")
        return mapping[key]

    return re.sub(r"@([A-Z_]+)@", replace, text)


def render_file(template: Path, out: Path, mapping: dict[str, str]) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(template.read_text(encoding="utf-8"), mapping), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template", nargs="?", type=Path)
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--suffix", default=os.environ.get("VERSION_SUFFIX", ""))
    parser.add_argument("--print", action="store_true", help="print the values")
    args = parser.parse_args(argv)
    mapping = values(args.suffix)
    if args.print or args.template is None:
        for key, value in mapping.items():
            print(f"{key}={value}")
        return 0
    if args.out is None:
        parser.error("give OUT")
    render_file(args.template, args.out, mapping)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
