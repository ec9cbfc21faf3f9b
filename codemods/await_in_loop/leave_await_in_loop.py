# Loops whose iterations depend on each other, or whose callee the module
# does not show: reported, not rewritten. Several are programs that made
# the rewrite change what they do.
import asyncio
import contextvars

import httpx

CACHE = {}
last = contextvars.ContextVar("last", default=None)


async def cached(x):
    if x in CACHE:
        return CACHE[x]
    await asyncio.sleep(0)
    CACHE[x] = x
    return x


async def bump(box):
    v = box["n"]
    await asyncio.sleep(0)
    box["n"] = v + 1
    return v


async def remember(x):
    prev = last.get()
    last.set(x)
    await asyncio.sleep(0)
    return (x, prev)


async def visit(x, seen):
    await asyncio.sleep(0)
    seen.append(x)
    return x


async def module_cache(ids):
    # leave: a module-level cache the calls fill in turn
    return [await cached(i) for i in ids]


async def same_box(boxes):
    # leave: one object listed twice would be changed by two calls at once
    return [await bump(b) for b in boxes]


async def context(ids):
    # leave: a context variable one call sets for the next
    out = []
    for i in ids:
        out.append(await remember(i))
    return out


async def shared_list(ids):
    # leave: a shared list passed to every call
    seen = []
    return [await visit(i, seen) for i in ids]


async def imported(client: httpx.AsyncClient, urls):
    # leave: an imported callee (unknown until the project index)
    pages = []
    for url in urls:
        pages.append(await client.get(url))
    return pages


async def sleeps(delays):
    # leave: asyncio.sleep exists to order things
    return [await asyncio.sleep(d, d) for d in delays]


async def loop_variable_after(ids):
    # leave: the loop variable is read after the loop
    out = []
    for uid in ids:
        out.append(await cached(uid))
    return out, uid


async def partial_on_failure(ids):
    # leave: a handler reads the partly filled list
    out = []
    try:
        for uid in ids:
            out.append(await cached(uid))
    except KeyError:
        pass
    return out


async def more_than_append(ids):
    # leave: the loop does more than collect
    out = []
    for uid in ids:
        if uid is None:
            break
        out.append(await cached(uid))
    return out


async def dict_fill(ids):
    # leave: a dict filled by a loop
    out = {}
    for uid in ids:
        out[uid] = await cached(uid)
    return out


async def nested_callee(ids):
    # leave: a nested coroutine function may read the enclosing variables
    async def one(i):
        return i

    return [await one(i) for i in ids]


async def fire_in_order(ids):
    # leave: bare awaits in a loop are ordered effects, not collected
    for uid in ids:
        await cached(uid)
