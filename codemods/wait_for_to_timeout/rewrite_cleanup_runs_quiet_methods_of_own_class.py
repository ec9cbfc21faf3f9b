# asyncmod-runtime: compare
"""Cleanup that runs methods of an object whose class the module shows,
none of which raises: the cancellation gets out, and the fix is safe."""
import asyncio
import contextlib


class Conn:
    def close(self):
        print("closed")

    def __repr__(self):
        return "Conn()"

    def __bool__(self):
        return True


class Base:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.rollback()


class Tx(Base):
    def rollback(self):
        print("rolled back")


async def job():
    c = Conn()
    try:
        with contextlib.closing(Conn()), Tx():
            await asyncio.sleep(0)
    finally:
        c.close()
        print(f"closing {c}")
        if c:
            print("open")
    return "done"


async def main():
    r = await asyncio.wait_for(job(), 5)
    print(r)


asyncio.run(main())
