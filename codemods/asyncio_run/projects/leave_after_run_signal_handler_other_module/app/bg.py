import asyncio
import os
import signal
from app.sig import handler
async def start():
    signal.signal(signal.SIGUSR1, handler)
    print("started")
