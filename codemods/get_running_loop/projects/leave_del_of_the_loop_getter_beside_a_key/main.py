# asyncmod-runtime: compare
import asyncio
import pool

async def main():
    loop = asyncio.get_event_loop()
    pool.remember(loop)
    print(type(loop).__name__, pool.forget())

asyncio.run(main())
