import asyncio


def loop_state():
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError as e:
        return f"no loop ({e})"
    return "closed" if loop.is_closed() else "open"
