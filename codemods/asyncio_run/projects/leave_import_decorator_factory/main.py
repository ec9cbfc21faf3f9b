# asyncmod-runtime: compare
# leave: a decorator factory of app/server.py runs at import and binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
