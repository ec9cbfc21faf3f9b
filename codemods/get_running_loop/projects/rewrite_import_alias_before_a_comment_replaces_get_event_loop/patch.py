import asyncio as aio  # noqa
print("loop getter", aio.get_event_loop.__name__)
