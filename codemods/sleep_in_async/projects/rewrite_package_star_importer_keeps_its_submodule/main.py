# asyncmod-runtime: compare
# The package star-imports `jobs` (no `__all__`): a new `import asyncio` in
# `jobs` would become the package's `asyncio`, which `main` imports instead of
# the submodule `app/asyncio.py`.
from app import asyncio, tick

print(asyncio.run(tick()))
