import builtins
class AppTimeout(Exception):
    pass
NAME = "TimeoutError"
setattr(builtins, NAME, AppTimeout)
