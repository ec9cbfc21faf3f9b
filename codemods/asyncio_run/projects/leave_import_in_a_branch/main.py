# asyncmod-runtime: compare
# leave: app/server.py imports app/state.py in a branch, which binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
