# asyncmod-test: --unsafe-fixes
import asyncio


async def on_connect(client):
    asyncio.create_task(client.greet())  # rewrite
    asyncio.create_task(client.sync())  # rewrite: the same set, the same name


async def on_message(client, message):
    if message.urgent:
        asyncio.ensure_future(client.reply(message))  # rewrite: ensure_future too


def on_signal(loop, client):
    # rewrite: a callback run by the loop keeps its task the same way
    asyncio.ensure_future(client.shutdown())
