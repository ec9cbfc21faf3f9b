# asyncmod-runtime: compare
import asyncio
from app import svc
class AppTimeout(Exception):
    pass
from app.testing import force
force(svc, AppTimeout)
print(asyncio.run(svc.guarded()))
