# asyncmod-runtime: compare
import asyncio

from app.store import main
from app.legacy import *

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(main()))
loop.close()
