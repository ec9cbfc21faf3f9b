import importlib
import sys


def fresh(name):
    sys.modules.pop(name, None)
    return importlib.import_module(name)
