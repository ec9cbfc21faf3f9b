# asyncmod-test: --unsafe-fixes
import sys
from asyncio import get_event_loop

from app.cli import main


def entry():
    # rewrite: the chained form, `get_event_loop` imported by name
    sys.exit(get_event_loop().run_until_complete(main(sys.argv[1:])))
