import asyncio


async def report(client):
    total = asyncio.run(client.count()) + 1  # rewrite: `await` binds tighter than `+`
    names = asyncio.run(client.names()).split(",")  # rewrite: parenthesized for `.split`
    first = asyncio.run(client.rows())[0]  # rewrite: parenthesized for `[0]`
    label = f"{asyncio.run(client.title())}!"  # rewrite
    either = asyncio.run(client.primary() or client.backup())  # rewrite: `await (…)`
    await asyncio.sleep(0)
    return print(total, names, first, label, either, asyncio.run(client.close()))  # rewrite
