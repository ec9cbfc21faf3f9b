# asyncmod-runtime: compare
import asyncio
import warnings

from app.signals import Signals

warnings.simplefilter("ignore")


async def main():
    asyncio.get_running_loop().call_soon(Signals.done.set_result, "done")
    print(await Signals.done)


# leave (unsafe only): the class body of app.signals makes a future of the
# loop current at import, through the policy
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
