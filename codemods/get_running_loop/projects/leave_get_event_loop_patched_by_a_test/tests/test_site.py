from unittest import mock

from app.site import Site


async def test_start_asks_the_loop():
    calls = []

    async def fake_create_server(*args):
        calls.append(args[1:])

    with mock.patch("asyncio.get_event_loop") as get_loop:
        get_loop.return_value.create_server = fake_create_server
        await Site().start(object, 1)
    return calls
