"""asyncio's members named as values outside a coroutine: what calls them
before the run binds to the loop current then, and `asyncio.run` would run
the coroutine on another loop ("attached to a different loop"); an alias of
`get_event_loop` called after the run finds no current loop."""
import asyncio
import dataclasses
from collections import defaultdict

Fut = asyncio.Future
waiters = defaultdict(asyncio.Future)
current_loop = asyncio.get_event_loop


@dataclasses.dataclass
class Bus:
    ready: asyncio.Future = dataclasses.field(default_factory=asyncio.Future)


READY = Fut()


async def main():
    asyncio.get_running_loop().call_soon(READY.set_result, "go")
    print("got", await READY)


# leave: READY was made for the loop current before the run
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
print("closed:", current_loop().is_closed())
