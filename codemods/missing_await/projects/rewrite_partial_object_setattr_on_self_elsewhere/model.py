import functools
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        set_ = functools.partial(object.__setattr__, self)
        set_("x", x)
        set_("y", y)
