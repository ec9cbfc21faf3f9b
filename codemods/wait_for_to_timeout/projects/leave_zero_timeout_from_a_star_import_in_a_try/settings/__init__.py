TIMEOUT = 5
try:
    from .local import *
except ImportError:
    pass
