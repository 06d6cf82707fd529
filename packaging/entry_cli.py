"""PyInstaller entry point of the console ``cowork`` executable (see packaging/cowork.spec)."""

import sys

from cowork_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
