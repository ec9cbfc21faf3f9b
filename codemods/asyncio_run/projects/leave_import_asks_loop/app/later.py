import asyncio

# Asks for the current loop when imported: after `asyncio.run` there is none.
try:
    asyncio.get_event_loop()
    print("loop ok")
except RuntimeError:
    print("no loop")
