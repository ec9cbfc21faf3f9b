# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio

u = "module u"
tg = "module tg"


async def get(x):
    await asyncio.sleep(0)
    return x


def show():
    print(u, tg)


async def global_loop_variable(urls):
    global u
    # rewrite: the comprehension stays, a `for` loop would assign the global `u`
    tasks = [asyncio.create_task(get(u)) for u in urls]
    await asyncio.gather(*tasks)
    show()


async def global_tg(urls):
    global tg
    tasks = [asyncio.create_task(get(x)) for x in urls]  # rewrite: the group is `tg2`
    await asyncio.gather(*tasks)
    show()


async def outer():
    v = "outer v"

    async def inner(urls):
        nonlocal v
        tasks = [asyncio.create_task(get(v)) for v in urls]  # rewrite: the comprehension stays
        await asyncio.gather(*tasks)

    await inner(["a", "b"])
    print(v)


asyncio.run(global_loop_variable(["a", "b"]))
asyncio.run(global_tg(["c"]))
asyncio.run(outer())
