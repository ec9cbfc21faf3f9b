# asyncmod-runtime: compare
import asyncio
import app.patches
from app import service
try:
    print("result", asyncio.run(service.run()))
except BaseException as e:
    print("escaped:", type(e).__name__)
