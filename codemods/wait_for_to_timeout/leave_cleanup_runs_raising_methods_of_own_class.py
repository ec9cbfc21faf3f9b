"""Cleanup that runs a method of an object whose class the module shows:
called (`c.close()`), handed to `closing(…)`, run implicitly (`f"{c}"`,
`if c:`) or by an exit that calls it. Each may raise in place of the
cancellation, which the caller then never sees."""
import asyncio
import contextlib


class Conn:
    def close(self):
        raise RuntimeError("close failed")

    def __repr__(self):
        raise RuntimeError("repr of a lost connection")

    def __bool__(self):
        raise RuntimeError("state lost")


class Base:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.rollback()


class Tx(Base):
    def rollback(self):
        raise RuntimeError("rollback failed")


async def closes():
    c = Conn()
    try:
        await asyncio.sleep(1)
    finally:
        c.close()


async def closing():
    with contextlib.closing(Conn()):
        await asyncio.sleep(1)


async def formats():
    c = Conn()
    try:
        await asyncio.sleep(1)
    finally:
        print(f"closing {c}")


async def tests():
    c = Conn()
    try:
        await asyncio.sleep(1)
    finally:
        if c:
            print("open")


async def rolls_back():
    with Tx():
        await asyncio.sleep(1)


async def runner():
    await asyncio.wait_for(closes(), 5)
    await asyncio.wait_for(closing(), 5)
    await asyncio.wait_for(formats(), 5)
    await asyncio.wait_for(tests(), 5)
    await asyncio.wait_for(rolls_back(), 5)
