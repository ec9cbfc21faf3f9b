# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# One call's receiver passed to the other call, however it is wrapped.
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


async def each(items):
    return [await conn.fetch("each") for conn in items]


async def by_key(mapping):
    return await mapping["w"].fetch("by_key")


async def spread(*items):
    return [await conn.fetch("spread") for conn in items]


async def later(thunk):
    return await thunk()


async def audit(service):
    return await service.repo.fetch("audit")


class Service:
    def __init__(self):
        self.repo = Conn("repo")

    async def run(self):
        a = await self.repo.fetch("get")  # leave: `self` is passed below
        b = await audit(self)
        return a, b


async def in_a_list(w):
    a = await w.fetch("get")  # leave: `w` inside a list
    b = await each([w])
    return a, b


async def in_a_dict(w):
    a = await w.fetch("get")  # leave: `w` inside a dict
    b = await by_key({"w": w})
    return a, b


async def unpacked(w):
    a = await w.fetch("get")  # leave: `w` unpacked from a list
    b = await spread(*[w])
    return a, b


async def in_a_lambda(w):
    a = await w.fetch("get")  # leave: `w` used by a lambda
    b = await later(lambda: w.fetch("later"))
    return a, b


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    for run in [
        Service().run,
        lambda: in_a_list(Conn("w")),
        lambda: in_a_dict(Conn("w")),
        lambda: unpacked(Conn("w")),
        lambda: in_a_lambda(Conn("w")),
    ]:
        try:
            print(await run())
        except RuntimeError as error:
            print("error:", error)
    print(footer)


asyncio.run(main())
