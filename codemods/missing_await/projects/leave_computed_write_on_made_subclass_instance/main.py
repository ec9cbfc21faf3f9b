# asyncmod-runtime: compare
import asyncio
from app.sub import make
asyncio.run(make('flush').run())
