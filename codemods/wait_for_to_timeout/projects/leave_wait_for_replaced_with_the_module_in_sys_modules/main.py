# asyncmod-runtime: compare
import app.patches
import asyncio
from app import service
print("result", asyncio.run(service.run()))
