import asyncio
import logging
async def drain(n):
    print("drained", n, "records")
async def start():
    class LoopHandler(logging.Handler):
        def __init__(self):
            super().__init__()
            self.n = 0
        def emit(self, record):
            self.n += 1
        def close(self):
            try:
                asyncio.get_event_loop().run_until_complete(drain(self.n))
            except RuntimeError as e:
                print("handler close failed:", e)
            super().close()
    logging.getLogger("app").addHandler(LoopHandler())
    logging.getLogger("app").warning("hello")
    print("started")
