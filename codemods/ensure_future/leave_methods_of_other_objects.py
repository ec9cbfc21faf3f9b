import asyncio


async def start(reader, hass, helpers):
    # leave, reported: a method of another object may return a future
    # (`wait_for_position()` returns `shield(...)` in aiokafka)
    position = asyncio.ensure_future(reader.wait_for_position())
    # leave, reported: a callable held in a variable
    first = asyncio.ensure_future(helpers[0]())
    # leave, silently: the name says it makes a task already
    task = asyncio.ensure_future(hass.async_create_task(reader.read()))
    return position, first, task
