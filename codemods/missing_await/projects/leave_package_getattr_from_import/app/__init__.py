import importlib


def __getattr__(name):
    # `app.store` before the submodule is imported: the synchronous store.
    if name == "store":
        return importlib.import_module("app.sync_store")
    raise AttributeError(name)
