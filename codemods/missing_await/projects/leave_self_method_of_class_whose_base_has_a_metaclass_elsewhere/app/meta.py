class SyncMeta(type):
    """Makes every `save` of the classes it makes a plain function."""

    def __new__(mcls, name, bases, ns):
        if "save" in ns:
            ns["save"] = lambda self: print("sync save")
        return super().__new__(mcls, name, bases, ns)


class Base(metaclass=SyncMeta):
    pass
