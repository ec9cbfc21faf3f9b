# asyncmod-runtime: compare
# `main` imports the submodule `app.asyncio` through the package: a new
# `import asyncio` in the package's `__init__` would be found instead.
from app import tick
from app import asyncio

print(asyncio.run(tick()))
