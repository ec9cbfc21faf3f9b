import builtins
class AppTimeout(Exception):
    pass
ns = vars(builtins)
ns["TimeoutError"] = AppTimeout
