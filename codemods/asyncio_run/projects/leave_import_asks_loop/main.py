# asyncmod-runtime: compare
import asyncio
import warnings

from app.server import main

warnings.simplefilter("ignore")
# leave (unsafe only): app/later.py, imported below, asks for the current loop
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
from app import later  # noqa: E402,F401
