"""Methods every instance finds, as the module shows it."""
import asyncio
from socketserver import ThreadingMixIn
from typing import Generic, TypeVar

T = TypeVar("T")


class Logging:
    def log(self, text):
        print(text)


class Conn(Generic[T]):
    async def flush(self):
        print("Conn.flush")

    async def close(self):
        self.flush()  # rewrite: no class of the module can put another `flush` first


class Pooled(Conn[int], ThreadingMixIn):
    pass  # a base from another module after `Conn`: after it in the order too


class Logged(Logging, Conn[str]):
    async def close(self):
        await Conn.close(self)  # the old spelling of `super().close()`


class Traced(Conn[bytes]):
    async def flush(self):
        print("Traced.flush")  # an `async def` override keeps it a coroutine


async def main():
    async def input():
        print("local input")

    input()  # rewrite: a local `def` is the function wherever it is read
    for conn in [Conn(), Pooled(), Logged(), Traced()]:
        await conn.close()


asyncio.run(main())
