# asyncmod-runtime: compare
# leave (unsafe only): the fallback of the optional import binds a future to
# the loop current at import, which `asyncio.run` would not run
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
from app.server import serve

if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(serve())
    except Exception as error:
        print("failed:", type(error).__name__)
    loop.close()
