# asyncmod-runtime: compare
import asyncio

from handlers import handle


async def caller():
    await asyncio.wait_for(handle(), 5)


async def main():
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, context: print("never retrieved:", context.get("exception"))
    )
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
        print("caller finished normally")
    except asyncio.CancelledError:
        print("caller cancelled")
    except RuntimeError as e:
        print("caller failed:", e)

asyncio.run(main())
