"""`python run.py ARGS` is `postman-replay ARGS`."""

from engine.cli import entry

if __name__ == "__main__":
    entry()
