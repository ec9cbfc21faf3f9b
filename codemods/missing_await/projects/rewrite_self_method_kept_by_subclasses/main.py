# asyncmod-runtime: compare
import asyncio

from svc.sub import Sub

print(asyncio.run(Sub().run()))
