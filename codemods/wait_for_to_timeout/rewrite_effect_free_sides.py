# asyncmod-runtime: compare
# One side free of effects is enough: attribute reads, names, literals and
# `**mapping` unpacking have none (in ruff's sense).
import asyncio


class Client:
    timeout = 1

    def __init__(self):
        self.settings = {"retries": 2}

    async def get(self, url, **headers):
        return url, sorted(headers)


def budget():
    print("budget")
    return 1


async def main():
    client = Client()
    headers = {"accept": "json", "user": "me"}
    # rewrite: an attribute timeout, `**` arguments
    reply = await asyncio.wait_for(client.get("/a", **headers), client.timeout)
    print(reply)
    # rewrite: a name timeout, keyword form
    limit = 2
    reply = await asyncio.wait_for(client.get("/b", **headers), timeout=limit)
    print(reply)
    # rewrite: the timeout calls, the awaitable is a name
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "ready")
    value = await asyncio.wait_for(fut, max(1, budget()))
    print(value)
    # rewrite: a subscript awaitable
    pending = {"job": loop.create_future()}
    loop.call_soon(pending["job"].set_result, 7)
    value = await asyncio.wait_for(pending["job"], 1)
    print(value)
    # rewrite: augmented name targets (the second timeout calls, the target
    # is a name and the awaitable a future) and an annotated one
    total = 1
    total += await asyncio.wait_for(asyncio.sleep(0, 2), limit)
    done = loop.create_future()
    done.set_result(10)
    total += await asyncio.wait_for(done, max(1, budget()))
    count: int = await asyncio.wait_for(asyncio.sleep(0, 3), timeout=1)
    print(total, count)
    # rewrite: several targets, evaluated after the value as before
    slots = [0, 0]
    first = slots[budget()] = await asyncio.wait_for(asyncio.sleep(0, 5), 1)
    print(first, slots)


asyncio.run(main())
