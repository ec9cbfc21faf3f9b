# asyncmod-runtime: compare
import asyncio
from sub import Sub
asyncio.run(Sub().run())
