# asyncmod-test: --unsafe-fixes
import asyncio

try:
    import uvloop
except:  # leave: module level
    uvloop = None


def sync(job):
    try:
        job()
    except:  # leave: a plain function is not cancelled
        pass


async def outer(job):
    def callback():
        try:
            job()
        except:  # leave: a sync def nested in a coroutine
            pass

    await asyncio.sleep(0)
    return callback
