import asyncio

from app.sig import install


async def start():
    install()
    await asyncio.sleep(0)
    print("started")
