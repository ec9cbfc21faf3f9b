import asyncio


class Signals:
    done = asyncio.get_event_loop_policy().get_event_loop().create_future()
