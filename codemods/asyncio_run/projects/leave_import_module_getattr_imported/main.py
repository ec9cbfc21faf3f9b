# asyncmod-runtime: compare
# leave: app/server.py imports its module `__getattr__`; `from app.server
# import READY` runs it, and it binds to the loop
import asyncio
from app.server import READY, main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

