# asyncmod-runtime: compare
# `jobs` adds its coroutine to a registry that trio runs; no module names
# `jobs`'s functions.
import trio
import registry
import jobs

async def run_all():
    for j in registry.JOBS:
        await j()

trio.run(run_all)
print("exit ok")
