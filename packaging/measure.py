"""Figures for the Linux package: build time, .deb size, installed size, start-up time.

  python3 packaging/measure.py [--runs 5] [--installed]

Run after `make package` (it reads build/package-figures.json and dist/*.deb). Start-up is
process start -> main window painted, measured as tests/perf/bench_gui.py does: the child opens
the main window on a project (annotator.gui.probe --startup), prints "painted" once it has
painted, and quits; the parent times Popen -> that line. The packaged app runs from the .deb
unpacked into a temporary folder (or /opt/annotator with --installed); "from source" runs the
checkout with the development venv (.venv, which has pandas: sqlite-utils imports it) and with
the clean build venv (build/venv: what the bundle holds). Same machine, same run, same project,
offscreen, medians of --runs after one warm-up each.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_templates import values  # noqa: E402


def timed_startup(command: list[str], project: Path, settings: Path, env: dict) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--startup", str(project), "--settings", str(settings)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    line = child.stdout.readline()
    painted = time.perf_counter()
    out, err = child.communicate(timeout=120)
    if not line.startswith("painted"):
        raise SystemExit(f"{command[0]} did not paint:\n{line}{out}\n{err}")
    return painted - started


def timed_command(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def median_of(runs: int, measure) -> float:
    measure()  # warm-up: the files are then in the page cache, as on a second start
    return statistics.median(measure() for _ in range(runs))


def du_kib(path: Path) -> int:
    return int(
        subprocess.run(
            ["du", "-sk", str(path)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--installed", action="store_true", help="time /opt/annotator")
    args = parser.parse_args()
    mapping = values()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    deb = REPO / "dist" / f"annotator_{mapping['DEB_VERSION']}_{arch}.deb"
    if not deb.exists():
        sys.exit(f"{deb} not found: run `make package` first")
    figures_file = REPO / "build" / "package-figures.json"
    built = json.loads(figures_file.read_text()) if figures_file.exists() else {}
    work = Path(tempfile.mkdtemp(prefix="annotator-measure-"))
    try:
        if args.installed:
            app_dir = Path("/opt/annotator")
        else:
            subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "root")], check=True)
            app_dir = work / "root" / "opt" / "annotator"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(work / "data"),
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_STATE_HOME": str(work / "state"),
        }
        env.pop("DISPLAY", None)
        project = work / "p.annotator"
        subprocess.run(
            [
                str(app_dir / "annotator"),
                "--db",
                str(project),
                "import",
                str(REPO / "seeds"),
                "--quiet",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        settings = work / "s.ini"
        source_env = {**env, "PYTHONPATH": str(REPO)}
        probe = ["-m", "annotator.gui.probe"]
        runners = {"packaged (.deb)": ([str(app_dir / "annotator"), "--qt-probe"], env)}
        for label, venv in (
            ("source, dev venv (.venv)", REPO / ".venv"),
            ("source, clean venv (build/venv)", REPO / "build" / "venv"),
        ):
            if (venv / "bin" / "python").exists():
                runners[label] = ([str(venv / "bin" / "python"), *probe], source_env)
        startup = {
            label: median_of(
                args.runs, lambda c=command, e=e: timed_startup(c, project, settings, e)
            )
            for label, (command, e) in runners.items()
        }
        version = {
            label: median_of(
                args.runs,
                lambda c=command, e=e: timed_command(
                    [c[0], *(["-m", "annotator"] if c[1:2] == ["-m"] else []), "--version"], e
                ),
            )
            for label, (command, e) in runners.items()
        }
        installed = du_kib(app_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Annotator {mapping['VERSION']} on {arch}, {os.cpu_count()} cores, {args.runs} runs")
    if built:
        venv = sum(built.get(k, 0) for k in ("venv_s", "pip_s", "install_s"))
        venv_text = f"new build venv {venv:.0f} s" if "venv_s" in built else "build venv reused"
        print(
            f"build time (make package)       {built.get('total_s', 0):7.1f} s  ({venv_text}, "
            f"bundle {built.get('bundle_s', 0):.0f} s, .deb {built.get('deb_s', 0):.0f} s)"
        )
    print(f".deb size                       {deb.stat().st_size / 1e6:7.1f} MB  ({deb.name})")
    print(f"installed size (du /opt/annotator) {installed / 1024:5.0f} MiB")
    for label, seconds in startup.items():
        print(f"start to painted window, {label:<32} {seconds:6.2f} s")
    for label, seconds in version.items():
        print(f"`annotator --version`,   {label:<32} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
