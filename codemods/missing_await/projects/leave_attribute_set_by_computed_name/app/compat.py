from app import store


def _sync_save(record):
    print("sync save", record)


# Replaces functions by names the code computes.
for name in ("save",):
    setattr(store, name, _sync_save)
