# asyncmod-runtime: compare
# leave: textwrap.py of the project stands in for the standard library's,
# and the quiet-looking `banner` calls it before the run: it binds to the loop
import asyncio
from app.format import banner
from app.server import main
print(banner("x"))
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

