# asyncmod-runtime: compare
import asyncio

async def notify(msg):
    await asyncio.sleep(0)
    print("notified", msg)

async def stream():
    try:
        await asyncio.sleep(10)
    except GeneratorExit:
        notify("closed")
        print("handler finished")
        raise

holder = []

async def main():
    c = stream()
    holder.append(c)
    asyncio.ensure_future(c)
    await asyncio.sleep(0)

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
try:
    holder[0].close()
    print("closed")
except RuntimeError as e:
    print("RuntimeError", e)
