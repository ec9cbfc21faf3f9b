from unittest import mock

from app.site import Site


async def test_start_serves():
    # Other names patched, by name or by a target the test computes: the
    # loop `start` asks for is the running one either way.
    with mock.patch("asyncio.sleep"), mock.patch(f"{Site.__module__}.Site.__doc__", "x"):
        site = Site()
        await site.start(asyncio_protocol, 0)
    site.server.close()
    await site.server.wait_closed()
    return "served"


def asyncio_protocol():
    raise AssertionError("no connection is made")
