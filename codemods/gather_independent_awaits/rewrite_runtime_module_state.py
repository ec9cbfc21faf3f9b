# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Functions of this module that share a module-level connection, or whose
# order a global decides.
import asyncio


class Conn:
    def __init__(self, name):
        self.name = name
        self.busy = False

    async def fetch(self, query):
        if self.busy:
            raise RuntimeError(f"{self.name}: another operation is in progress")
        self.busy = True
        await asyncio.sleep(0.001)
        self.busy = False
        return f"{self.name}:{query}"


_conn = Conn("module")
counter = 0


async def get_user(user_id):
    return await _conn.fetch(f"user {user_id}")


async def get_orders(user_id):
    return await _conn.fetch(f"orders {user_id}")


async def bump():
    global counter
    await asyncio.sleep(0.001)
    counter += 1
    return counter


async def peek():
    return counter


async def both_use_the_connection():
    user = await get_user(1)  # leave: both functions use `_conn`
    orders = await get_orders(1)
    return user, orders


async def one_uses_it_directly():
    user = await get_user(1)  # leave: `get_user` uses `_conn`
    raw = await _conn.fetch("raw")
    return user, raw


async def one_writes_a_global():
    bumped = await bump()  # leave: `bump` writes what `peek` reads
    seen = await peek()
    return bumped, seen


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    for run in [both_use_the_connection, one_uses_it_directly, one_writes_a_global]:
        try:
            print(await run())
        except RuntimeError as error:
            print("error:", error)
    print(footer)


asyncio.run(main())
