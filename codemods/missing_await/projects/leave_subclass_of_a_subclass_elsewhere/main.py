# asyncmod-runtime: compare
import asyncio
from b import Leaf
asyncio.run(Leaf().run())
