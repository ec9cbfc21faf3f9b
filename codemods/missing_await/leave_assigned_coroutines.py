"""`x = coroutine_function()` where the coroutine is run or kept, or where
nothing shows that the result was meant."""
import asyncio

registry = []


async def fetch_data(key):
    await asyncio.sleep(0)
    return {"key": key}


async def consume(coro):
    return await coro


async def scheduled():
    pending = fetch_data("a")  # leave: run by a task
    task = asyncio.create_task(pending)
    return await task


async def passed_on():
    pending = fetch_data("b")  # leave: a callee may await it
    return await consume(pending)


async def returned():
    pending = fetch_data("c")  # leave: the caller awaits it
    return pending


async def stored():
    pending = fetch_data("d")  # leave: kept for later
    registry.append(pending)


async def nested():
    result = fetch_data("e")  # leave: read by a nested function

    async def later():
        return (await result)["key"]

    return await later()


async def rebound():
    result = fetch_data("f")  # leave: bound again
    result = await result
    return result["key"]


async def only_silent_uses():
    result = fetch_data("g")  # leave: reported, a truth test does not fail
    if result:
        print("ok")


async def closed():
    result = fetch_data("h")  # leave: used as a coroutine
    result.close()


async def main():
    print(await scheduled(), await passed_on(), await (await returned()))
    await stored()
    print(await registry.pop())
    print(await nested(), await rebound())
    await closed()


asyncio.run(main())
