class AppTimeout(Exception):
    pass
ns = __builtins__
ns["TimeoutError"] = AppTimeout
