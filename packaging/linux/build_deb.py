"""Build dist/annotator_<version>_<arch>.deb from the PyInstaller bundle in dist/annotator.

  python3 packaging/linux/build_deb.py [--bundle dist/annotator] [--icons build/icons]
      [--out dist] [--suffix +ci1] [--fast] [--venv build/venv]

Layout of the package:
  /opt/annotator/                     the one-folder bundle (annotator + _internal/)
  /usr/bin/annotator                  launcher (packaging/linux/annotator.sh)
  /usr/share/applications/annotator.desktop
  /usr/share/metainfo/org.annotator.Annotator.metainfo.xml
  /usr/share/mime/packages/annotator.xml      application/x-annotator-project (*.annotator)
  /usr/share/icons/hicolor/<size>/{apps,mimetypes}/...
  /usr/share/doc/annotator/{copyright,README.md,THIRD-PARTY-LICENSES.txt}

Depends: the Qt libraries of PLATFORM.md's minimal-Debian list (DEPENDS below) plus whatever
dpkg-shlibdeps finds the bundled binaries linked against from the system. --suffix gives a
newer version of the same build (the upgrade test); --fast compresses with gzip -1 for it.
Standard library only; the numbers it measures go to build/package-figures.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))
from render_templates import render, values  # noqa: E402

# shared/guides/PLATFORM.md: what Qt's X11 plugin needed on a minimal Debian 12.
DEPENDS = [
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-util1",
    "libxcb-xkb1",
]
# Only Wayland sessions use these (they have them); X11 desktops do not need them.
RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]
OPTIONAL_ELF = re.compile(r"wayland|libQt6Wl", re.IGNORECASE)
MAINTAINER = os.environ.get(
    "DEB_MAINTAINER", "Annotator maintainers <maintainers@annotator.invalid>"
)
METAINFO_ID = "org.annotator.Annotator"


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, text=True, **kwargs)


def copy(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return sorted(found)


def unresolved_libraries(bundle: Path) -> list[str]:
    """`ldd` lines "not found" for the bundle's ELF files, except the Wayland-only ones."""
    problems = []
    for path in elf_files(bundle):
        if OPTIONAL_ELF.search(str(path.relative_to(bundle))):
            continue
        # A library beside it counts as found: scipy's bundled libgfortran names its libquadmath
        # with no RPATH of its own, and at run time the extension that loads it (RPATH
        # $ORIGIN/../../scipy.libs, which DT_RPATH extends to what it loads) finds it there.
        env = {**os.environ, "LD_LIBRARY_PATH": str(path.parent)}
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        problems += [
            f"{path.relative_to(bundle)}: {line.strip()}"
            for line in out.splitlines()
            if "not found" in line
        ]
    return problems


def shlib_depends(root: Path, bundle: Path) -> list[str]:
    """Packages of the system libraries the bundle links to (dpkg-shlibdeps), [] if unavailable."""
    (root / "DEBIAN").mkdir(exist_ok=True)  # how dpkg-shlibdeps finds the package root ($ORIGIN)
    if shutil.which("dpkg-shlibdeps") is None:
        print(
            "note: dpkg-shlibdeps not found (apt-get install dpkg-dev); Depends is the fixed list"
        )
        return []
    libdirs = sorted({str(p.parent) for p in elf_files(bundle) if ".so" in p.name})
    files = [str(p) for p in elf_files(bundle) if not OPTIONAL_ELF.search(str(p))]
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            "Source: annotator\n\nPackage: annotator\nArchitecture: any\n"
        )
        result = subprocess.run(
            [
                "dpkg-shlibdeps",
                "-O",
                "--ignore-missing-info",
                *(f"-l{d}" for d in libdirs),
                "-e",
                *files,
            ],
            cwd=work,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        print(f"note: dpkg-shlibdeps failed, Depends is the fixed list:\n{result.stderr[-2000:]}")
        return []
    line = next((x for x in result.stdout.splitlines() if x.startswith("shlibs:Depends=")), "")
    return [part.strip() for part in line.partition("=")[2].split(",") if part.strip()]


def merge_depends(fixed: list[str], found: list[str]) -> list[str]:
    """The fixed list, then each package dpkg-shlibdeps named that is not in it (with versions)."""
    names = {d.split()[0] for d in fixed}
    extra = [d for d in found if d.split()[0] not in names]
    return fixed + sorted(set(extra))


def third_party_notices(venv: Path) -> str:
    """Name, version and licence of every Python distribution in the build venv, with texts."""
    site = next(venv.glob("lib/python3*/site-packages"), None)
    if site is None:
        return "(build environment not found)\n"
    parts = []
    skip = {
        "pip",
        "setuptools",
        "pyinstaller",
        "pyinstaller-hooks-contrib",
        "altgraph",
        "packaging",
        "annotator",
        "wheel",
    }
    for info in sorted(site.glob("*.dist-info"), key=lambda p: p.name.lower()):
        meta = (info / "METADATA").read_text(encoding="utf-8", errors="replace")
        name = re.search(r"^Name: (.+)$", meta, re.M)
        if name is None or name.group(1).strip().lower() in skip:
            continue
        version = re.search(r"^Version: (.+)$", meta, re.M)
        licence = re.search(r"^License-Expression: (.+)$", meta, re.M) or re.search(
            r"^License: (.+)$", meta, re.M
        )
        classifiers = re.findall(r"^Classifier: License :: (.+)$", meta, re.M)
        parts.append(
            f"== {name.group(1).strip()} {version.group(1).strip() if version else ''}\n"
            f"Licence: {(licence.group(1).strip() if licence else '') or '; '.join(classifiers) or 'see its project'}\n"
        )
        for text in sorted(info.glob("licenses/**/*")) + sorted(info.glob("LICENSE*")):
            if text.is_file():
                parts.append(
                    f"--- {text.name}\n{text.read_text(encoding='utf-8', errors='replace')}\n"
                )
    return "\n".join(parts)


def copyright_text() -> str:
    return (HERE / "copyright").read_text(encoding="utf-8")


def stage(root: Path, bundle: Path, icons: Path, venv: Path, mapping: dict[str, str]) -> None:
    opt = root / "opt" / "annotator"
    shutil.copytree(bundle, opt, symlinks=True)
    copy(HERE / "annotator.sh", root / "usr/bin/annotator", 0o755)
    copy(HERE / "annotator.desktop", root / "usr/share/applications/annotator.desktop")
    copy(HERE / "annotator-mime.xml", root / "usr/share/mime/packages/annotator.xml")
    metainfo = root / f"usr/share/metainfo/{METAINFO_ID}.metainfo.xml"
    metainfo.parent.mkdir(parents=True, exist_ok=True)
    template = HERE / f"{METAINFO_ID}.metainfo.xml.in"
    metainfo.write_text(render(template.read_text(encoding="utf-8"), mapping), encoding="utf-8")
    for source in sorted((icons / "hicolor").rglob("*")):
        if source.is_file():
            copy(source, root / "usr/share/icons" / source.relative_to(icons))
    doc = root / "usr/share/doc/annotator"
    copy(HERE / "copyright", doc / "copyright")
    copy(REPO / "packaging" / "README.md", doc / "README.packaging.md")
    (doc / "THIRD-PARTY-LICENSES.txt").write_text(third_party_notices(venv), encoding="utf-8")
    for path in [root, *root.rglob("*")]:  # dpkg-deb wants sane modes whatever the umask was
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink():
            total += 1
        elif path.is_file():
            total += (path.stat().st_size + 1023) // 1024
    return total


def control_files(root: Path, mapping: dict[str, str], depends: list[str]) -> None:
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    fields = dict(mapping)
    fields.update(
        ARCH=mapping["ARCH"],
        MAINTAINER=MAINTAINER,
        INSTALLED_SIZE=str(installed_size_kib(root)),
        DEPENDS=", ".join(depends),
        RECOMMENDS=", ".join(RECOMMENDS),
    )
    (debian / "control").write_text(render((HERE / "control.in").read_text(), fields))
    for script in ("postinst", "postrm"):
        copy(HERE / script, debian / script, 0o755)
    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and debian not in path.parents:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            sums.append(f"{digest}  {path.relative_to(root)}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "annotator")
    parser.add_argument("--icons", type=Path, default=REPO / "build" / "icons")
    parser.add_argument("--venv", type=Path, default=REPO / "build" / "venv")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "deb")
    parser.add_argument("--suffix", default=os.environ.get("VERSION_SUFFIX", ""))
    parser.add_argument("--fast", action="store_true", help="gzip -1 (test builds)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if not (args.bundle / "annotator").is_file():
        sys.exit(f"no bundle at {args.bundle}: run pyinstaller packaging/annotator.spec first")
    missing = unresolved_libraries(args.bundle)
    if missing:
        sys.exit("bundled libraries that do not resolve:\n  " + "\n  ".join(missing))
    mapping = values(args.suffix)
    mapping["ARCH"] = run("dpkg", "--print-architecture", capture_output=True).stdout.strip()
    root = args.work / "root"
    shutil.rmtree(args.work, ignore_errors=True)
    root.mkdir(parents=True)
    stage(root, args.bundle, args.icons, args.venv, mapping)
    depends = merge_depends(DEPENDS, shlib_depends(root, root / "opt" / "annotator"))
    control_files(root, mapping, depends)
    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"annotator_{mapping['DEB_VERSION']}_{mapping['ARCH']}.deb"
    compression = ["-Zgzip", "-z1"] if args.fast else ["-Zxz", "-z6"]
    run(
        "dpkg-deb",
        "--root-owner-group",
        *compression,
        "--build",
        str(root),
        str(deb),
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    size = deb.stat().st_size
    print(
        f"built {deb} ({size / 1e6:.1f} MB, installed {installed_size_kib(root) / 1024:.0f} MiB, "
        f"{seconds:.0f} s)"
    )
    print(f"Depends: {', '.join(depends)}")
    if not args.fast:
        figures = args.work.parent / "package-figures.json"
        data = json.loads(figures.read_text()) if figures.exists() else {}
        data.update(
            deb=str(deb),
            deb_bytes=size,
            deb_seconds=round(seconds, 1),
            installed_kib=installed_size_kib(root / "opt" / "annotator"),
        )
        figures.write_text(json.dumps(data, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
