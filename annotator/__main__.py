import os
import sys

try:
    from annotator.main import main
except KeyboardInterrupt:  # Ctrl-C before the first module finished loading
    print("annotator: interrupted", file=sys.stderr)
    os._exit(130)

sys.exit(main())
