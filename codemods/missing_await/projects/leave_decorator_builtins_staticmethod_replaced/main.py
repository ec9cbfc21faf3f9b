# asyncmod-runtime: compare
import asyncio
import helpers  # noqa
from svc.store import Store

asyncio.run(Store().run())
