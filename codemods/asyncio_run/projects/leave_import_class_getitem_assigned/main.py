# asyncmod-runtime: compare
# leave: `Box[int]` in app/server.py runs a `__class_getitem__` bound by an
# assignment, which binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

