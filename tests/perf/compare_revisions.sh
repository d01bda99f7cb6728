#!/usr/bin/env bash
# Run benchmarks on an earlier revision and on this checkout in the same session, alternately,
# so that a change is compared with its own baseline on the same machine load.
# Usage: tests/perf/compare_revisions.sh BASE [BENCHMARK ARGS]...   e.g.
#   tests/perf/compare_revisions.sh 4596279 "bench_gui.py" "bench_import.py" "bench_export.py --quick"
set -euo pipefail
base=$1; shift
here=$(cd "$(dirname "$0")/../.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
tree=$(mktemp -d /tmp/annotator-base-XXXX)
git -C "$here" worktree add --detach "$tree" "$base" >/dev/null
trap 'git -C "$here" worktree remove --force "$tree"' EXIT
for bench in "$@"; do
  for side in base head; do
    root=$here; [ "$side" = base ] && root=$tree
    echo "=== $side ($(git -C "$root" rev-parse --short HEAD)): $bench"
    (cd "$root" && QT_QPA_PLATFORM=offscreen PYTHONPATH="$root" $python tests/perf/$bench)
  done
done
