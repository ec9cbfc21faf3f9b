import types

from app import work

work.asyncio = types.SimpleNamespace(get_event_loop=lambda: "the fake loop")
