import builtins
class AppTimeout(TimeoutError):
    pass
builtins.TimeoutError = AppTimeout
