import sys

from annotator.main import main

sys.exit(main())
