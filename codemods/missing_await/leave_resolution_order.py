"""Methods that an instance's method resolution order may take elsewhere."""
import asyncio
from socketserver import ThreadingMixIn
from typing import Generic, TypeVar

T = TypeVar("T")


class SyncFlush:
    def flush(self):
        print("SyncFlush.flush")


class Sibling:
    async def flush(self):
        print("Sibling.flush")

    async def close(self):
        self.flush()  # leave: `Both(SyncFlush, Sibling)` finds `SyncFlush.flush`


class Both(SyncFlush, Sibling):
    pass


class Deep:
    async def flush(self):
        print("Deep.flush")

    async def close(self):
        self.flush()  # leave: `Diamond` puts `SyncFlush` before `Deep`


class Left(Deep):
    pass


class Right(SyncFlush, Deep):
    pass


class Diamond(Left, Right):
    pass


class Mixed:
    async def process_request_thread(self, request, client_address):
        print("Mixed.process_request_thread")

    async def close(self):
        # leave: a base from another module comes first in `Served`
        self.process_request_thread(None, None)


class Served(ThreadingMixIn, Mixed):
    def finish_request(self, request, client_address):
        print("Served.finish_request")

    def shutdown_request(self, request):
        print("Served.shutdown_request")


class Generic1(Generic[T]):
    async def flush(self):
        print("Generic1.flush")

    async def close(self):
        self.flush()  # leave: `IntGeneric(Generic1[int])` overrides it


class IntGeneric(Generic1[int]):
    def flush(self):
        print("IntGeneric.flush")


class Aliased:
    async def flush(self):
        print("Aliased.flush")

    async def close(self):
        self.flush()  # leave: `FromAlias(Alias)` is a subclass too


Alias = Aliased


class FromAlias(Alias):
    def flush(self):
        print("FromAlias.flush")


def subclass_of(base):
    class Made(base):
        def flush(self):
            print("Made.flush")

    return Made


class Factory:
    async def flush(self):
        print("Factory.flush")

    async def close(self):
        self.flush()  # leave: `subclass_of(Factory)` may override it


class YieldingBase:
    async def flush(self):
        print("YieldingBase.flush")

    async def close(self):
        self.flush()  # leave: a subclass makes it an async generator


class Yielding(YieldingBase):
    async def flush(self):
        yield 1


class Lender:
    async def flush(self):
        print("Lender.flush")

    async def close(self):
        self.flush()  # leave: `Borrower` runs this `close` on itself


class Borrower:
    def flush(self):
        print("Borrower.flush")

    close = Lender.close


async def main():
    for obj in [Both(), Diamond(), Served(), IntGeneric(), FromAlias(), subclass_of(Factory)(), Yielding(), Borrower()]:
        await obj.close()
    await Lender.close(Borrower())


asyncio.run(main())
