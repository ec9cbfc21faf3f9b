# asyncmod-runtime: compare
# leave: the module calls a function of a quiet module before the run, which binds to the loop
import asyncio
from app.server import main, prepare
prepare()
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
