# asyncmod-test: --unsafe-fixes
import asyncio


async def on_connect(client):
    asyncio.create_task(client.greet())  # rewrite
    asyncio.create_task(client.sync())  # rewrite: the same set, the same name


async def reply(client, message):
    await client.send(message)


async def on_message(client, message):
    if message.urgent:
        asyncio.ensure_future(reply(client, message))  # rewrite: ensure_future of a coroutine too


async def on_other(client, message):
    # reported: `client.reply` may return a future, which ensure_future returns as it is
    asyncio.ensure_future(client.reply(message))


def on_signal(loop, client):
    # rewrite: a callback run by the loop keeps its task the same way
    asyncio.get_event_loop().create_task(client.shutdown())
