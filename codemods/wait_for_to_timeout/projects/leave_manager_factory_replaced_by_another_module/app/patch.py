import asyncio, contextlib
from app import conn
@contextlib.asynccontextmanager
async def tolerant_session():
    try:
        yield
    except asyncio.CancelledError:
        print('session: cancelled, ignoring')
conn.session = tolerant_session
