# asyncmod-test: --unsafe-fixes
import trio


async def poll(source):
    try:
        await source.fetch()
    except:  # leave, reported: trio cancels with trio.Cancelled
        pass
    await trio.sleep(1)
