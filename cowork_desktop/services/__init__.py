"""Use cases the UI and the CLI call. No Qt."""
