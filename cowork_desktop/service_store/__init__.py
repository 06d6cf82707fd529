"""The service store: PostgreSQL (psycopg 3), where a service's managers publish their signed records.

The only package that imports psycopg (an import-linter contract); ``services/`` is the only one that imports it.
``migrations`` (the schema, its protections and its row-level security), ``connection`` (libpq conventions, errors
as the app's), ``admin`` (``cowork service init`` and ``user add``), ``publishing`` (the writes of a publish).
"""
