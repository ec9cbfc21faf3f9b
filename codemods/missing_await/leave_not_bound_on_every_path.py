"""Coroutine functions that not every run of the module binds to the name."""
import asyncio
import sys

if sys.version_info < (3, 0):
    async def print(*args):  # leave: on Python 3 `print` is the builtin
        pass

try:
    import not_a_module_of_this_project
    async def open(*args):  # leave: only when the import works
        pass
except ImportError:
    pass


class Base:
    def flush(self):
        print("Base.flush")


class Conditional(Base):
    if sys.version_info < (3, 0):
        async def flush(self):
            print("Conditional.flush")

    async def close(self):
        self.flush()  # leave: on Python 3 `Base.flush` runs


async def report():
    print("async report")


async def audit():
    print("async audit")


def sync_audit():
    print("sync audit")


async def legacy():
    print("async legacy")


async def main():
    print("hello")  # leave
    open(__file__).close()  # leave
    await Conditional().close()
    report()  # leave: rebound through `globals()` below
    audit()  # leave: rebound through the module object below
    legacy()  # leave: its code is swapped below


globals()["report"] = lambda: print("sync report")
setattr(sys.modules[__name__], "audit", sync_audit)
legacy.__code__ = sync_audit.__code__
asyncio.run(main())
