# asyncmod-runtime: compare
# leave: app/base.py binds `__init_subclass__` by an assignment; the class
# statement of app/server.py runs it, and it binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

