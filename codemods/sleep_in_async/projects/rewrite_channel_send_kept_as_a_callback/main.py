# asyncmod-runtime: compare
# Another file keeps a channel's `send` as a callback (through a partial),
# sends values into a generator, and catches OSError around a send: none of
# it steps a coroutine, and the sleep becomes asyncio's.
import asyncio

from app.channel import Channel, pump, deliver
from app.work import work

channel = Channel()
channel.send("hello")
print("sent", channel.items)
print("pumped", pump([1, 2, 3]))
print("delivered", deliver(channel, "x"))
print("result", asyncio.run(work()))
