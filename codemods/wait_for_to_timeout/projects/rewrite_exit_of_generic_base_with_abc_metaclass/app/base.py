import abc
from typing import Generic, TypeVar
T = TypeVar('T')
class Base(Generic[T], metaclass=abc.ABCMeta):
    async def __aexit__(self, *exc):
        print('base exit')
