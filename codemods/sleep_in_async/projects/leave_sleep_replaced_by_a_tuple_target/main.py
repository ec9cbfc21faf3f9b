# asyncmod-runtime: compare
import asyncio
import app.patches
from app import service
print('result', asyncio.run(service.work()))
