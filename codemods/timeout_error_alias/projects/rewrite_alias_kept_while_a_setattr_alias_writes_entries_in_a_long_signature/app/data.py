"""A module named like the attribute `Entries.data`."""
KIND = "data"
