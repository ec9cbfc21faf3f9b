# asyncmod-runtime: compare
# leave: this module turns `typing.TYPE_CHECKING` on before importing
# app/server.py, whose `if TYPE_CHECKING:` block then binds to the loop
import asyncio
import typing

typing.TYPE_CHECKING = True
from app.server import main  # noqa: E402

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
