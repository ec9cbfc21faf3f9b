# asyncmod-runtime: compare
# leave: a logging handler's close(), which logging.shutdown calls at exit, runs the loop the code left open;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
