# asyncmod-test: --unsafe-fixes
"""The shape most scripts written before Python 3.7 end with."""
import asyncio
import logging

from service import serve

log = logging.getLogger(__name__)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    # rewrite: the setup goes, and so does the finally that only closed the loop
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(serve(port=8080))
    except KeyboardInterrupt:  # kept: asyncio.run still raises it
        log.info("stopped")
    finally:
        loop.close()
