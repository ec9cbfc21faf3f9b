# asyncmod-runtime: compare
import asyncio

from app.errs import names, slow

print(names())
print(asyncio.run(slow()))
