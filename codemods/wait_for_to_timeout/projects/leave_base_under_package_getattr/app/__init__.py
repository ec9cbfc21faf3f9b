import importlib


def __getattr__(name):
    # `app.errors` before the submodule is imported: other classes.
    if name == "errors":
        return importlib.import_module("app.cancel_errors")
    raise AttributeError(name)
