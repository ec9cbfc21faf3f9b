# asyncmod-runtime: compare
# An imported class whose base (followed in another module) has a method
# that keeps a cancellation: an untraced awaitable is not taken to be that
# method's coroutine (only the class's own methods, and what awaiting,
# entering or iterating an instance runs, count).
import asyncio
from app.event import Event
class Conn:
    def __init__(self):
        self.disconnected = asyncio.get_running_loop().create_future()
    async def keepalive(self):
        r = await asyncio.wait_for(self.disconnected, timeout=5)
        print("keepalive after wait:", r)
async def main():
    print(Event().describe())
    t = asyncio.create_task(Conn().keepalive())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
        print("caller: task finished normally")
    except asyncio.CancelledError:
        print("caller: saw cancellation")
asyncio.run(main())
