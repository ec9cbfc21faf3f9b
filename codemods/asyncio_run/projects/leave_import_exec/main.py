# asyncmod-runtime: compare
# leave: exec runs an import of app/state.py before the run, which binds to the loop
import asyncio
from app.server import main
exec("import app.state")
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
