# asyncmod-runtime: compare
# rewrite: the code after the run only reads plain data the run made (the result printed
# and passed to sys.exit, a kept list counted and joined), calling no method of it
import asyncio
import logging
import sys
LOG = logging.getLogger("app")
SEEN = []
async def main():
    LOG.info("start")
    await asyncio.sleep(0)
    SEEN.append("a")
    SEEN.append("b")
    return 3
if __name__ == "__main__":
    code = asyncio.get_event_loop().run_until_complete(main())
    print("result", code)
    print(len(SEEN), ", ".join(SEEN))
    LOG.info("done")
    sys.exit(code)
