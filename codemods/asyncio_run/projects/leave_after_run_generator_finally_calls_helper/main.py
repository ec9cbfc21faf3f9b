# asyncmod-runtime: compare
# leave: a suspended generator kept in a global closes at shutdown, and its
# `finally:` runs app/util.py's helper on the open loop; `asyncio.run` leaves none
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
