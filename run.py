"""`python run.py ARGS` is `postman-replay ARGS`."""

import sys

from engine.cli import main

if __name__ == "__main__":
    sys.exit(main())
