# asyncmod-runtime: compare
import asyncio
from app.setup import make
asyncio.run(make('flush').run())
