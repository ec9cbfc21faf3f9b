import asyncio
async def aclose():
    print("session closed")
def session():
    try:
        yield "s"
    finally:
        try:
            asyncio.get_event_loop().run_until_complete(aclose())
        except RuntimeError as e:
            print("session not closed:", e)
KEEP = []
async def start():
    g = session()
    next(g)
    KEEP.append(g)
    print("started")
