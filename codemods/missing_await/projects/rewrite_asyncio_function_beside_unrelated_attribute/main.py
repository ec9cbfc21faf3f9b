# asyncmod-runtime: compare
import asyncio

from app.timer import Timer
from app.work import main

Timer().pause()
asyncio.run(main())
