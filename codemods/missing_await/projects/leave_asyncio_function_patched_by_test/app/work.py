import asyncio


async def main():
    # leave (safe): test_work.py patches `asyncio.sleep`; unsafe with the reason
    asyncio.sleep(0)
    print("ok")
