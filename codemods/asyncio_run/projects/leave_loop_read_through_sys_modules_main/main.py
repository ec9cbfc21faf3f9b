# asyncmod-runtime: compare
import asyncio
from app.server import main

loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
