# asyncmod-runtime: compare
# leave: a class statement of app/server.py runs __init_subclass__, which binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
