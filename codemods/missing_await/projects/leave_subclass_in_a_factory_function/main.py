# asyncmod-runtime: compare
import asyncio
from sub import make
asyncio.run(make()().run())
