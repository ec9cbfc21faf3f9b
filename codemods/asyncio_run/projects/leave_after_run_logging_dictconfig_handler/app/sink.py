import asyncio
import logging
async def drain(n):
    print("drained", n)
def make():
    class H(logging.Handler):
        def emit(self, record):
            pass
        def close(self):
            try:
                asyncio.get_event_loop().run_until_complete(drain(1))
            except RuntimeError as e:
                print("sink close failed:", e)
            super().close()
    return H()
