import asyncio
import app.patch
from app import svc
try:
    asyncio.run(svc.work())
except Exception as e:
    print(type(e).__name__, e)
print(svc.LOG)
