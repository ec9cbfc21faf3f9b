# asyncmod-runtime: compare
# leave: a function of the project found through `gc.get_objects()` is
# called before the run, and binds to the loop
import asyncio
import gc

import app.hooks  # noqa: F401
from app.server import main
[o for o in gc.get_objects() if type(o).__name__ == "function" and o.__name__ == "bind"][0]()
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

