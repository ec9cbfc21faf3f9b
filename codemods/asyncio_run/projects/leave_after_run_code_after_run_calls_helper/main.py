# asyncmod-runtime: compare
# leave: after the run, the script calls a helper of app/util.py that asks for
# the current loop; `asyncio.run` would leave none current
import asyncio
from app.bg import start
from app.util import loop_state
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    print("after the run:", loop_state())
