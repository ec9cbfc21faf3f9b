# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Results stored where something else sees them keep their values: a
# global, a nonlocal, a name read through `globals()`, a name deleted later.
import asyncio

results = None


async def fetch(x):
    await asyncio.sleep(0.001 * (3 - x))
    return x


async def into_global():
    global results
    tasks = [asyncio.create_task(fetch(x)) for x in range(3)]  # rewrite
    results = await asyncio.gather(*tasks)


def make():
    out = []

    async def into_nonlocal():
        nonlocal out
        # report: `make` hands the function out, and whoever awaits it may
        # catch its errors by type
        tasks = [asyncio.create_task(fetch(x)) for x in range(3)]
        out = await asyncio.gather(*tasks)

    def get():
        return out

    return into_nonlocal, get


async def deleted_later():
    tasks = [asyncio.create_task(fetch(x)) for x in range(3)]  # rewrite
    gathered = await asyncio.gather(*tasks)
    del gathered
    print("deleted")


async def global_read_through_globals():
    global stash
    tasks = [asyncio.create_task(fetch(x)) for x in range(3)]  # rewrite
    stash = await asyncio.gather(*tasks)
    print(globals()["stash"])


x = 100


async def global_set_only_here():
    global gl
    tasks = [asyncio.create_task(fetch(x)) for x in range(3)]  # rewrite
    gl = await asyncio.gather(*tasks)
    print([x + k for k in range(2)])


async def named_into_global():
    global last
    t1 = asyncio.create_task(fetch(1))  # rewrite
    t2 = asyncio.create_task(fetch(2))
    await t1
    last = await t2


async def main():
    await into_global()
    print("results", results)
    into_nonlocal, get = make()
    await into_nonlocal()
    print("out", get())
    await deleted_later()
    await global_read_through_globals()
    await global_set_only_here()
    print("gl", gl)
    await named_into_global()
    print("last", last)


asyncio.run(main())
