# asyncmod-runtime: compare
# rewrite (safe): the project imports modules again by names it computes, which
# never runs a main-guard block (the module then runs under its own name)
import asyncio

from cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(work()))
    finally:
        loop.close()
