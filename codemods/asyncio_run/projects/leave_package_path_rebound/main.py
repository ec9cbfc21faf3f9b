# asyncmod-runtime: compare
# leave: app/__init__.py puts plugins/ first on its `__path__`, so
# `app.state` is plugins/state.py, which binds to the loop
import asyncio

from app.server import main

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
