# asyncmod-runtime: compare
# leave (unsafe only): making the members of `Status` runs its `__init__`
# at import, code of the project
import asyncio

from app.util import fetch

if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(fetch()))
    loop.close()
