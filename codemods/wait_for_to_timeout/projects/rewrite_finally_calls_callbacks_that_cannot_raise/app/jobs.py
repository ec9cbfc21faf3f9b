import asyncio


def report():
    print("job: report")


close = lambda: print("job: closed")


async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        cb = report
        cb()
        close()
    return "partial"
