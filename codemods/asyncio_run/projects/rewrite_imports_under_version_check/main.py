# asyncmod-runtime: compare
# rewrite (safe): importing `app.server` runs a version check whose branches
# only import or bind names
import asyncio

from app.server import serve

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    loop.run_until_complete(serve())
    loop.close()
