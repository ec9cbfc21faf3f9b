# asyncmod-runtime: compare
# rewrite: a module whose classes derive from `Generic[T]` and `NamedTuple` runs nothing at import
import asyncio
from app.server import serve
if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    loop.run_until_complete(serve())
    loop.close()
