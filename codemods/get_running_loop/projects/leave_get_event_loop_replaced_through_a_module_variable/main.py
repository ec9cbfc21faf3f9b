# asyncmod-runtime: compare
import asyncio
import app.compat
async def main():
    loop = asyncio.get_event_loop()
    print("same loop:", loop is asyncio.get_running_loop())
asyncio.run(main())
