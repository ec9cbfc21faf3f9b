# asyncmod-runtime: compare
import asyncio


async def job(events):
    events.append("job")
    await asyncio.sleep(0)
    return len(events)


if __name__ == "__main__":
    events = []
    loop = asyncio.new_event_loop()
    try:
        count = loop.run_until_complete(job(events))  # rewrite: only the loop call leaves the finally
    except ValueError:
        events.append("failed")
        raise
    finally:
        loop.close()
        events.append("cleanup")  # kept: the finally does other work
    print(count, events)
