import time
from app.store import get, put

async def bump():
    n = get()
    time.sleep(0.01)
    put(n + 1)
