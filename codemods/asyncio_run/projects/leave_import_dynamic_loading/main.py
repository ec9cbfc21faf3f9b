# asyncmod-runtime: compare
# leave: importlib loads app/state.py before the run, which binds to the loop
import asyncio
import importlib

from app.server import main
importlib.import_module("app.state")
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
