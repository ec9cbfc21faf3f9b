# asyncmod-runtime: compare
import asyncio, warnings
warnings.simplefilter("ignore")
import svc
def sync_flush():
    svc.LOG.append("sync flush")
getattr(svc.work, "__globals__")["flush"] = sync_flush
try:
    asyncio.run(svc.work())
except Exception as e:
    print(type(e).__name__, e)
print(svc.LOG)
