class Base:
    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        if name == "save":
            return lambda: print("sync save")
        return value
