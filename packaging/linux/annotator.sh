#!/bin/sh
# /usr/bin/annotator, installed by the annotator .deb: starts the app bundled in /opt/annotator.
# Qt warns and Arabic file names break under the C locale: fall back to C.UTF-8 if none is set.
if [ -z "${LC_ALL:-}" ] && [ -z "${LANG:-}" ]; then
    LANG=C.UTF-8
    export LANG
fi
# Opened from the file manager (Exec=annotator %f): one absolute path to a file is a project.
# Commands never start with "/", so `annotator import ...` and the others are unaffected.
if [ "$#" -eq 1 ] && [ -f "$1" ]; then
    case "$1" in
        /*) set -- --db "$1" ;;
    esac
fi
exec /opt/annotator/annotator "$@"
