# asyncmod-runtime: compare
import asyncio

from app.tasks import main

print(asyncio.run(main("config.txt")))
