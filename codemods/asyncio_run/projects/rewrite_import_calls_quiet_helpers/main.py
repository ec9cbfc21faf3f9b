# asyncmod-runtime: compare
import asyncio

from app.state import CONFIG, Registry, handler, main

# rewrite (unsafe: code run at import is proven quiet only when it calls
# nothing): importing app.state runs project code that binds nothing to the
# loop (a config read, a registry decorator, a class made, an async def
# called only to be awaited later)
print(CONFIG["name"], sorted(Registry.names), handler())
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
