# asyncmod-runtime: compare
import asyncio, warnings
warnings.simplefilter("ignore")
import svc
def sync_flush():
    svc.LOG.append("sync flush")
from unittest import mock
_p = mock.patch.dict(svc.work.__globals__, {"flush": sync_flush})
_p.start()
try:
    asyncio.run(svc.work())
except Exception as e:
    print(type(e).__name__, e)
print(svc.LOG)
