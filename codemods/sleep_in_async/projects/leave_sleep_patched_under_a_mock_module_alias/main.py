# asyncmod-runtime: compare
import asyncio
import unittest.mock as um
from app import service
with um.patch("time.sleep") as fake:
    print("result", asyncio.run(service.run()))
    print("sleep called", fake.call_count)
