from .base import Awaitable
class Named:
    name = "op"
class Op(Named, Awaitable):
    pass
