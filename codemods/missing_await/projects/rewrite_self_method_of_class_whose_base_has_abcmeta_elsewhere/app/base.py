import abc


class Root(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    async def save(self): ...


class Base(Root):
    def describe(self):
        return type(self).__name__
