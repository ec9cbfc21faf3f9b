# Not runtime-compared (a documented limit of AM003's Fix safety): an error
# raised by accident in cleanup is not looked for. On 3.11 `wait_for` hid the
# UnboundLocalError behind the caller's CancelledError; after the fix the caller sees it,
# as with 3.12's `wait_for`.
import asyncio
from app.jobs import job
async def runner():
    r = await asyncio.wait_for(job(), 5)
    print("runner after wait:", r)
async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
        print("caller: task finished normally")
    except asyncio.CancelledError:
        print("caller: saw cancellation")
    except Exception as e:
        print("caller: got", type(e).__name__)
asyncio.run(main())
