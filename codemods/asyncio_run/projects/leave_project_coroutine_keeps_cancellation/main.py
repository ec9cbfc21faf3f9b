# asyncmod-runtime: compare
import asyncio
from app.server import serve


async def main():
    await serve()


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
print("after the run")
