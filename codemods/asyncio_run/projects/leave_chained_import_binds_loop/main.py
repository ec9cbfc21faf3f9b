# asyncmod-runtime: compare
# leave: the chained form too runs on the loop app/state.py bound a future to
import asyncio

from app.server import main

asyncio.get_event_loop().run_until_complete(main())
