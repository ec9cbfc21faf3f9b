# asyncmod-runtime: compare
import asyncio
import svc
print(asyncio.run(svc.work()))
