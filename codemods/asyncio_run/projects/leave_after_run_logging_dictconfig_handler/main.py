# asyncmod-runtime: compare
# leave: a handler dictConfig makes from app/sink.py runs the open loop in close(), at exit;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
