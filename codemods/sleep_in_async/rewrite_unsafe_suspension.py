# asyncmod-test: --unsafe-fixes
# With --unsafe-fixes the sleeps of leave_cleanup.py, leave_handlers.py and
# leave_shared_state.py are rewritten.
import asyncio
import time


class Worker:
    async def stop(self):
        try:
            await self.drain()
        finally:
            time.sleep(0.1)  # rewrite (unsafe): cleanup code

    async def retry(self, delay):
        try:
            time.sleep(delay)  # rewrite (unsafe): `except ValueError`
        except ValueError:
            pass

    async def bump(self):
        seen = self.count
        time.sleep(0.1)  # rewrite (unsafe): shared state
        self.count = seen + 1

    async def drain(self):
        await asyncio.sleep(0)
