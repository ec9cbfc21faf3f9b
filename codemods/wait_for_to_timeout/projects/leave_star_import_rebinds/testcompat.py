import asyncio
class Queue(asyncio.Queue):
    def __init__(self, loop=None):
        super().__init__()
        self.bound_loop = loop
def get_event_loop():
    return "compat"
async def wait_for(c, t):
    return await c
