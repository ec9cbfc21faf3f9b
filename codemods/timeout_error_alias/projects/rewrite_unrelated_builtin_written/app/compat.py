import builtins
class AppTimeout(Exception):
    pass
# harmless: writes another builtin
builtins.my_helper = print
