# asyncmod-runtime: compare
# leave: `import app.server` runs app/__init__.py, which binds to the loop
import asyncio
import app.server

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(app.server.main())
finally:
    loop.close()
