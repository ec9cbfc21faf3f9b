class Widget:
    def __init__(self):
        self.getter = None


def install(target, getter):
    # Writes an attribute of an object handed in; never a module here.
    target.getter = getter


def describe(mod):
    return sorted(name for name in vars(mod) if name.startswith("get_event"))


install(Widget(), print)
