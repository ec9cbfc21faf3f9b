# asyncmod-runtime: compare
# rewrite (safe): every module imported is quiet (imports, plain
# definitions, literals), and the code before the run calls only builtins,
# the standard library and a quiet function of the project
import asyncio
import sys

import app.server
from app import config  # noqa: F401
from app.format import banner
from app.server import main

if __name__ == "__main__":
    print(banner("app", 3), len(sys.argv) > 0)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main(sys.argv[1:]))
    finally:
        loop.close()
    print("done")
