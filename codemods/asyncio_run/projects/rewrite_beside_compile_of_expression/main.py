# asyncmod-runtime: compare
# rewrite (safe): `app/formula.py` reads a file and compiles an expression
# in "eval" mode, which runs no module of the project again
import asyncio

from app.shop import total

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(total()))
    finally:
        loop.close()
