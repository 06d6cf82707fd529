"""cowork-desktop: set up and supervise co-worked children's social care cases, offline."""

__version__ = "0.1.0"
