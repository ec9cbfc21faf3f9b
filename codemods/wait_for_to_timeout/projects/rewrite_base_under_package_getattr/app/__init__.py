def __getattr__(name):
    # A module `__getattr__` (PEP 562): asked for names the package does
    # not bind, never for a submodule an import statement loads itself.
    raise AttributeError(name)
