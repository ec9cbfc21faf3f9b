# asyncmod-runtime: compare
# leave: `from app.server import READY` calls the module's __getattr__, which binds to the loop
import asyncio
from app.server import READY, main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
