# asyncmod-runtime: compare
import asyncio
from svc.sub import Sub
asyncio.run(Sub().run())
