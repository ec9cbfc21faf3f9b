# asyncmod-runtime: compare
import asyncio

from app.errs import ATE, slow

print(ATE.__name__)
print(asyncio.run(slow()))
