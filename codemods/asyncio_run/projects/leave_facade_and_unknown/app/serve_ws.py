import asyncio

import websockets

if __name__ == "__main__":
    # leave: `websockets.serve` is an awaitable but no coroutine
    asyncio.get_event_loop().run_until_complete(websockets.serve(print, "x", 1))
