"""PyInstaller entry point of the windowed ``cowork-desktop`` executable (see packaging/cowork.spec)."""

import sys

from cowork_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
