from .base import Awaitable
class Op(Awaitable):
    pass
