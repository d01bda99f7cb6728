#!/usr/bin/env bash
# `make package-check` (CI, as root): prove dist/annotator_<version>_<arch>.deb as IT staff would
# use it. Installs it with dpkg -i (apt-get install -f for missing libraries), runs the installed
# copy headless (--version, doctor, the main window, imports, exports), installs a newer build of
# the same bundle over it and checks that user projects are kept and migrated after a backup,
# then removes and purges it and checks the projects are still there. Leaves the package removed.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
export LANG=${LANG:-C.UTF-8} QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1
unset DISPLAY WAYLAND_DISPLAY

fail() { echo "package-check: FAIL: $*" >&2; exit 1; }
say() { printf '\n--- %s\n' "$*"; }
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and removes the package)"

eval "$(python3 packaging/render_templates.py --print | grep -E '^(VERSION|DEB_VERSION)=')"
ARCH=$(dpkg --print-architecture)
DEB=dist/annotator_${DEB_VERSION}_${ARCH}.deb
[ -f "$DEB" ] || fail "$DEB not found: run 'make package' first"
PY=build/venv/bin/python  # the build venv of `make package` (the checkout's code, no Qt needed)
[ -x "$PY" ] || PY=.venv/bin/python

TMP=$(mktemp -d /tmp/annotator-package-check.XXXXXX)
chmod 755 "$TMP"
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_DATA_HOME=$TMP/home/.local/share XDG_CONFIG_HOME=$TMP/home/.config \
    XDG_STATE_HOME=$TMP/home/.local/state XDG_CACHE_HOME=$TMP/home/.cache
mkdir -p "$HOME/projects"
START=$(date +%s)

say "install $DEB"
dpkg --purge annotator >/dev/null 2>&1 || true
if ! dpkg -i "$DEB"; then
    echo "missing libraries: apt-get install -f"
    apt-get update -qq && apt-get install -f -y --no-install-recommends
fi
dpkg -s annotator | grep -q "^Status: install ok installed" || fail "annotator is not installed"
[ "$(command -v annotator)" = /usr/bin/annotator ] || fail "/usr/bin/annotator is not on PATH"
ANNOTATOR=/usr/bin/annotator
SEEDS=/opt/annotator/_internal/seeds

say "installed files"
for f in /usr/share/applications/annotator.desktop /usr/share/mime/packages/annotator.xml \
    /usr/share/metainfo/org.annotator.Annotator.metainfo.xml /usr/share/doc/annotator/copyright \
    /usr/share/icons/hicolor/scalable/apps/annotator.svg \
    /usr/share/icons/hicolor/scalable/mimetypes/application-x-annotator-project.svg; do
    [ -f "$f" ] || fail "$f missing"
done
for size in 16 22 24 32 48 64 128 256 512; do
    [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/annotator.png" ] || fail "no ${size}px icon"
    [ -f "/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-annotator-project.png" ] \
        || fail "no ${size}px project-file icon"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/annotator.desktop
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/org.annotator.Annotator.metainfo.xml
fi
if [ -f /usr/share/mime/application/x-annotator-project.xml ]; then
    echo "MIME database knows application/x-annotator-project"
elif command -v update-mime-database >/dev/null; then
    fail "postinst did not register the MIME type"
fi
echo "files ok"

say "annotator --version"
out=$($ANNOTATOR --version)
echo "$out"
[ "$out" = "annotator $VERSION" ] || fail "--version printed '$out', expected 'annotator $VERSION'"

say "annotator doctor (offscreen)"
$ANNOTATOR doctor || fail "doctor reported a problem"

say "doctor as an unprivileged user (files readable, nothing written under /opt)"
NOBODY_HOME=$TMP/nobody
mkdir -p "$NOBODY_HOME" && chown nobody "$NOBODY_HOME"
runuser -u nobody -- env -i PATH=/usr/bin:/bin HOME="$NOBODY_HOME" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen annotator doctor >/dev/null || fail "doctor failed as nobody"
echo "ok"

say "main window opens on a project (offscreen${XVFB:+, and X11 under Xvfb})"
P=$TMP/p.annotator
$ANNOTATOR --db "$P" import "$SEEDS" --quiet
$ANNOTATOR --qt-probe --startup "$P" --settings "$TMP/s.ini" | grep -q "^painted [1-9]" \
    || fail "the main window did not paint"
echo "painted offscreen"
if command -v xvfb-run >/dev/null; then
    xvfb-run -a "$ANNOTATOR" --qt-probe --platform xcb --startup "$P" --settings "$TMP/s.ini" \
        | grep -q "^painted [1-9]" || fail "the main window did not paint under Xvfb (xcb)"
    echo "painted under Xvfb with the X11 (xcb) plugin"
else
    echo "notice: xvfb-run not installed; the X11 window was not tried (apt-get install xvfb)"
fi

say "suggestions: scikit-learn in the bundle, the command line and the window's worker process"
$ANNOTATOR --db "$P" suggest --json >"$TMP/suggest.jsonl" || fail "annotator suggest failed"
python3 -c "
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
assert rows and all(set(r) == {'article_id', 'sentence_index', 'text', 'suggested', 'scores'} for r in rows)
assert any(r['suggested'] for r in rows), 'the sample article got no suggestion'
print(len(rows), 'sentences suggested,', sum(bool(r['suggested']) for r in rows), 'with themes')" "$TMP/suggest.jsonl"
$ANNOTATOR --db "$P" suggest --evaluate | grep -q "No sentence is labelled yet" \
    || fail "suggest --evaluate did not explain that nothing is labelled"
$ANNOTATOR --db "$P" themes edit military --keywords "دبابة, قصف*" >/dev/null \
    || fail "themes edit --keywords failed"
$ANNOTATOR --qt-probe --startup "$P" --settings "$TMP/s.ini" --suggestions | grep -q "^suggested [1-9]" \
    || fail "the window's background process stored no suggestion for the open article"
echo "the window's worker process (spawned from the bundle) stored the open article's suggestions"

say "import: the sample, an HTML page, 210 files (worker processes), the default project"
rows=$($ANNOTATOR --db "$P" articles --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
[ "$rows" -ge 1 ] || fail "the sample article was not imported"
H=$TMP/h.annotator
$ANNOTATOR --db "$H" import tests/fixtures/packaging/article.html
$ANNOTATOR --db "$H" show 1 --json | python3 -c "
import json, sys
a = json.load(sys.stdin)
assert a['title'] == 'افتتاح مكتبة عامة جديدة في حلب', a['title']
assert [u['kind'] for u in a['units']].count('heading') == 1, a['units']
print('HTML article:', len(a['units']), 'units')"
mkdir -p "$TMP/many"
for i in $(seq 1 210); do
    printf 'خبر رقم %s\n\nأعلنت الوزارة اليوم عن الخطة رقم %s لدعم المدارس. وقال المتحدث إن التنفيذ يبدأ قريباً.\n' \
        "$i" "$i" >"$TMP/many/$i.txt"
done
$ANNOTATOR --db "$TMP/m.annotator" import "$TMP/many" --quiet | grep -q "Imported 210 articles" \
    || fail "the 210-file import (worker processes) failed"
echo "210 files imported"
default_rows=$($ANNOTATOR articles --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
[ "$default_rows" -ge 1 ] || fail "the default project did not get the sample article"
[ -f "$XDG_DATA_HOME/annotator/default.annotator" ] || fail "no default project in the data folder"
echo "default project seeded with $default_rows article(s)"

say "export"
if $ANNOTATOR export --help >/dev/null 2>&1; then
    $ANNOTATOR --db "$P" export --format jsonl --out "$TMP/out.jsonl" --quiet
    [ -s "$TMP/out.jsonl" ] || fail "JSONL export is empty"
    python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]" "$TMP/out.jsonl"
    echo "JSONL: $(wc -l <"$TMP/out.jsonl") records"
    if $ANNOTATOR --db "$P" export --format parquet --out "$TMP/out.parquet" --quiet 2>"$TMP/pq.err"; then
        [ "$(head -c 4 "$TMP/out.parquet")" = PAR1 ] || fail "the Parquet file is not Parquet"
        echo "Parquet: $(stat -c %s "$TMP/out.parquet") bytes"
    elif grep -q "needs pyarrow" "$TMP/pq.err"; then
        echo "notice: this package was built without pyarrow (ANNOTATOR_PARQUET=0): no Parquet"
    else
        cat "$TMP/pq.err" >&2
        fail "Parquet export failed"
    fi
else
    echo "notice: this version has no 'export' command yet; export not checked"
fi

say "upgrade: a newer build over this one keeps projects and migrates them after a backup"
cp tests/fixtures/schemas/schema-*.annotator "$HOME/projects/"
LAST_MIGRATION=$("$PY" -c "from annotator.storage.schema import known_migration_names as k; print(k()[-1])")
"$PY" packaging/make_schema_fixture.py --stop-before "$LAST_MIGRATION" --out "$HOME/projects/older.annotator" >/dev/null
(cd "$HOME" && find . -name '*.annotator' -type f -exec sha256sum {} + | sort -k2) >"$TMP/before.sums"
python3 packaging/linux/build_deb.py --suffix +upgradecheck --fast --out "$TMP/newer" \
    --work "$TMP/newer-work" >/dev/null
dpkg -i "$TMP/newer/annotator_${DEB_VERSION}+upgradecheck_${ARCH}.deb" >/dev/null
installed=$(dpkg-query -W -f='${Version}' annotator)
[ "$installed" = "${DEB_VERSION}+upgradecheck" ] || fail "upgrade installed $installed"
(cd "$HOME" && sha256sum -c --quiet "$TMP/before.sums") || fail "the upgrade changed user projects"
echo "upgraded to $installed; projects untouched by dpkg"
for fixture in "$HOME"/projects/schema-*.annotator; do
    $ANNOTATOR --db "$fixture" show 1 --json | python3 -c "
import json, sys
units = json.load(sys.stdin)['units']
assert units[1]['labels'].get('amina') == ['economic', 'reconstruction'], units[1]
print('labels kept in', sys.argv[1])" "$(basename "$fixture")"
done
$ANNOTATOR --db "$HOME/projects/older.annotator" stats --json 2>"$TMP/older.err" >/dev/null
grep -q "upgraded .*older.annotator; backup kept at" "$TMP/older.err" || {
    cat "$TMP/older.err"
    fail "the older project was not migrated with a backup"
}
ls "$HOME"/projects/older.annotator.before-schema-*.bak >/dev/null || fail "no backup file"
echo "older schema migrated on first start; backup: $(basename "$HOME"/projects/older.annotator.before-schema-*.bak)"

say "remove and purge keep users' projects"
(cd "$HOME" && find . -name '*.annotator' -type f -exec sha256sum {} + | sort -k2) >"$TMP/kept.sums"
dpkg -r annotator >/dev/null
[ ! -e /opt/annotator ] || fail "/opt/annotator is still there after dpkg -r"
[ ! -e /usr/bin/annotator ] || fail "/usr/bin/annotator is still there after dpkg -r"
dpkg --purge annotator >/dev/null
(cd "$HOME" && sha256sum -c --quiet "$TMP/kept.sums") || fail "removing the package changed projects"
echo "removed and purged; $(wc -l <"$TMP/kept.sums") project files intact"

say "package-check passed in $(($(date +%s) - START)) s"
