import asyncio
import weakref

from app.util import schedule_close


class Conn:
    pass


KEEP = []
REFS = []


async def start():
    conn = Conn()
    KEEP.append(conn)
    REFS.append(weakref.ref(conn, schedule_close))
    await asyncio.sleep(0)
    print("started")
