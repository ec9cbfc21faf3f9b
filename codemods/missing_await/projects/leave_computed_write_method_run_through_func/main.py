# asyncmod-runtime: compare
# Found by an adversarial program: the method that writes by a computed name
# is run on another object through `self.fill.__func__`, which replaces
# `store.save` with a plain function: awaiting its result would fail.
import asyncio
from store import store
import patch

def sync_save(x):
    print("sync save", x)

patch.Loose().apply_to(store, "save", sync_save)

async def handle(x):
    store.save(x)
    print("handled", x)

asyncio.run(handle(1))
