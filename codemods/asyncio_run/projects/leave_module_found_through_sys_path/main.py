# asyncmod-runtime: compare
import asyncio
import os
import sys
import warnings

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))

import state  # noqa: E402

warnings.simplefilter("ignore")


async def main():
    asyncio.get_running_loop().call_soon(state.DONE.set_result, "done")
    print(await state.DONE)


# leave (unsafe only): `state` is found in plugins/, added to sys.path
# above, and makes a future of the current loop when imported
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
