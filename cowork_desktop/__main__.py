from cowork_desktop.app import main

raise SystemExit(main())
