import asyncio
async def connect():
    await asyncio.sleep(0.5)
    return "conn"
async def job():
    try:
        conn = await connect()
    finally:
        print("closing")
        print(conn)
    return "partial"
