import asyncio


async def main():
    # rewrite: only an unrelated object gets an attribute named `sleep`
    asyncio.sleep(0)
    print("ok")
