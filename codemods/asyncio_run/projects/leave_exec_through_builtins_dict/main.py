# asyncmod-runtime: compare
# leave: `exec` reached through `builtins.__dict__` imports app/state.py
# before the run, which binds to the loop
import asyncio
import builtins

from app.server import main
builtins.__dict__["exec"]("import app.state")
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

