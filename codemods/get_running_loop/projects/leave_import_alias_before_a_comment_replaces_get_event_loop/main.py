# asyncmod-runtime: compare
import asyncio
import patch  # noqa: F401
import app

print("work", asyncio.run(app.work()))
