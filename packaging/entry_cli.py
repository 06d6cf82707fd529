"""PyInstaller entry point of the console ``cowork`` executable (see packaging/cowork.spec)."""

import multiprocessing
import sys

from cowork_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a signing worker process (services.export.export_cases) starts here
    sys.exit(main())
