# asyncmod-runtime: compare
import asyncio

from app.config import Child, Settings, load
from app.handlers import handle

loaded = load(debug=True)
print(Settings(level=3).level, Child(level=4).name, loaded.debug, loaded.name)
print(asyncio.run(handle([])))
