"""Records, rules, dates and validation in plain Python: no Qt, no SQL."""
