"""Methods that the module replaces by other means than a `def`."""
import asyncio
import functools
import inspect
from dataclasses import dataclass
from typing import Callable


class Syncify(type):
    def __new__(mcs, name, bases, namespace):
        for key, value in list(namespace.items()):
            if key == "flush" and inspect.iscoroutinefunction(value):
                namespace[key] = functools.wraps(value)(lambda self: print("made sync"))
        return super().__new__(mcs, name, bases, namespace)


class Meta(metaclass=Syncify):
    pass


class WithMeta(Meta):
    async def flush(self):
        print("WithMeta.flush")

    async def close(self):
        self.flush()  # leave: a metaclass along the bases may replace it


class Hooked:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if inspect.iscoroutinefunction(vars(cls).get("flush")):
            cls.flush = lambda self: print("hooked flush")


class WithHook(Hooked):
    async def flush(self):
        print("WithHook.flush")

    async def close(self):
        self.flush()  # leave: `__init_subclass__` may replace it


class Intercepting:
    def __getattribute__(self, name):
        if name == "flush":
            return lambda: print("intercepted flush")
        return object.__getattribute__(self, name)

    async def flush(self):
        print("Intercepting.flush")

    async def close(self):
        self.flush()  # leave: `__getattribute__` decides


class Configured:
    def __init__(self, **overrides):
        for key, value in overrides.items():
            setattr(self, key, value)

    async def flush(self):
        print("Configured.flush")

    async def close(self):
        self.flush()  # leave: an attribute set by a computed name may hide it


@dataclass
class Fields:
    flush: Callable[[], None]


class WithField(Fields):
    async def flush(self):
        print("WithField.flush")

    async def close(self):
        self.flush()  # leave: the dataclass field is an instance attribute


class Retyped:
    async def flush(self):
        print("Retyped.flush")

    async def close(self):
        self.flush()  # leave: an instance's class is changed below


class Other:
    def flush(self):
        print("Other.flush")


class Dynamic:
    async def flush(self):
        print("Dynamic.flush")

    async def close(self):
        self.flush()  # leave: classes are made at run time below


Made = type("Made", (Dynamic,), {"flush": lambda self: print("Made.flush")})


async def main():
    retyped = Retyped()
    retyped.__class__ = Other
    for obj in [WithMeta(), WithHook(), Intercepting(), Configured(flush=lambda: print("override")), WithField(lambda: print("field")), Made()]:
        await obj.close()
    await Retyped.close(retyped)


asyncio.run(main())
