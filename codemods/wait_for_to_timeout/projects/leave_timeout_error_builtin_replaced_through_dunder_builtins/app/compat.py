class AppTimeout(Exception):
    pass
__builtins__["TimeoutError"] = AppTimeout
