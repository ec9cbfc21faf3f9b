# The package looks in plugins/ first for its submodules.
__path__ = [__path__[0] + "/../plugins"] + __path__
