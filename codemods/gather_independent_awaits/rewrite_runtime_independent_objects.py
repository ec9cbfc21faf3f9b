# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Separate objects, and failures nothing reads the targets after: still gathered.
import asyncio

PREFIX = "item"


class Client:
    def __init__(self, name):
        self.name = name
        self.busy = False

    async def get(self, key):
        if self.busy:
            raise RuntimeError(f"{self.name}: another operation is in progress")
        self.busy = True
        await asyncio.sleep(0.001)
        self.busy = False
        return f"{self.name}:{key}"


async def lookup(key):
    await asyncio.sleep(0.001)
    return f"{PREFIX}-{key}"


async def describe(key):
    await asyncio.sleep(0)
    return f"{PREFIX}:{key}"


async def fail(message):
    await asyncio.sleep(0.002)
    raise ValueError(message)


async def two_clients():
    first = Client("first")
    second = Client("second")
    a = await first.get("a")  # rewrite: two objects made by one class
    b = await second.get("b")
    return a, b


async def one_function_other_arguments():
    a = await lookup("a")  # rewrite: the same function on other arguments
    b = await lookup("b")
    return a, b


async def module_constant():
    a = await lookup("x")  # rewrite: `PREFIX` is a constant both read
    b = await describe("y")
    return a, b


async def handler_raises():
    try:
        a = await lookup("a")  # rewrite: the handler reads nothing and raises
        b = await fail("b failed")
    except ValueError as error:
        raise LookupError(str(error)) from None
    return a, b


async def handler_returns():
    try:
        a = await lookup("a")  # rewrite: the handler returns
        b = await lookup("b")
    except ValueError:
        return None
    return a, b


async def finally_reads_something_else():
    done = []
    try:
        a = await lookup("a")  # rewrite: `finally` reads no target
        b = await lookup("b")
    finally:
        done.append(True)
    return a, b, done


async def main():
    print(await two_clients())
    print(await one_function_other_arguments())
    print(await module_constant())
    try:
        await handler_raises()
    except LookupError as error:
        print("error:", error)
    print(await handler_returns())
    print(await finally_reads_something_else())


asyncio.run(main())
