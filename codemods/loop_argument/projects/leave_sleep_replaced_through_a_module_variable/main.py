# asyncmod-runtime: compare
import asyncio
import app.compat
async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0, loop=loop)
    print("slept")
asyncio.run(main())
