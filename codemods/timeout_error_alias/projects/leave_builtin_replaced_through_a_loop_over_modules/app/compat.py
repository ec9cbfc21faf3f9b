import builtins
class AppTimeout(Exception):
    pass
for mod in (builtins,):
    mod.TimeoutError = AppTimeout
