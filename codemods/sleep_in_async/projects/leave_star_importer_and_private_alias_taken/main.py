# asyncmod-runtime: compare
# `main` star-imports `jobs`, and `jobs` binds `_asyncio` itself: the fix
# would need another name, so it is left alone.
from app import asyncio
from app.jobs import *

print(asyncio.run(tick()))
