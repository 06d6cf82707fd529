"""``python -m cowork_desktop.cli``: the ``cowork`` command."""

from cowork_desktop.cli.run import main

raise SystemExit(main())
