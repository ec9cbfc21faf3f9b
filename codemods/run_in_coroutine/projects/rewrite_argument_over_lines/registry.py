# Where `work` puts what `main` runs: `main` never names its functions.
ENTRIES = []


def add(*entries):
    ENTRIES.extend(entries)
