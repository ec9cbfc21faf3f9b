def _flush(self):
    print("sync flush")
def derive(base):
    return type("Sub", (base,), {"flush": _flush})
