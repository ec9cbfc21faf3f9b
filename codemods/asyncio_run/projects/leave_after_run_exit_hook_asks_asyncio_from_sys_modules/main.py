# asyncmod-runtime: compare
# leave: app/bg.py's exit hook asks `sys.modules["asyncio"].get_event_loop()`
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
