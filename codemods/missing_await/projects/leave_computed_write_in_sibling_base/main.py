# asyncmod-runtime: compare
import asyncio
from app.both import Both
b = Both()
b.fill(flush=lambda: print('sync flush'))
asyncio.run(b.run())
