import os as _os


def remove(path):
    print("vendored sync remove")
    _os.remove(path)
