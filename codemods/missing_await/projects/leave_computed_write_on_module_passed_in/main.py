# asyncmod-runtime: compare
import asyncio
import app.store
from app.patch import install
from app.work import handle
install(app.store, 'save')
asyncio.run(handle())
