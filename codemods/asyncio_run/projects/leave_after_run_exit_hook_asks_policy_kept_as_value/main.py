# asyncmod-runtime: compare
# leave: app/bg.py's exit hook asks for the current loop through a policy getter
# kept as a value (`POLICY().get_event_loop()`): after `asyncio.run` there is none
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
