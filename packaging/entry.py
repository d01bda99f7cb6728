"""Entry point of the frozen app (PyInstaller): the same `annotator` as from source.

Two things only a frozen build needs:
- multiprocessing.freeze_support(): the importer parses big batches in "spawn" worker
  processes, and in a bundle a worker is this executable started again with special arguments;
  without this call each worker would start another copy of the app instead.
- `--qt-probe`: `annotator doctor` runs the Qt probe (annotator.gui.probe) in a child process.
  From source that child is `python -m annotator.gui.probe`; here sys.executable is the app
  itself, so doctor starts `annotator --qt-probe ...` and it is routed to the probe.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--qt-probe"]:
        from annotator.gui.probe import main as probe_main

        sys.exit(probe_main(sys.argv[2:]))
    from annotator.main import main

    sys.exit(main())
