# asyncmod-runtime: compare
# leave: a call in the format spec of an f-string at import binds to the loop
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

