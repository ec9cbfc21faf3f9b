from app import db
from helpers import pause


async def pause_a_little():
    # `subprocess` is the project's own `subprocess.py` here: nothing blocks.
    pause()


async def load():
    # `main.py` replaces `db.repo` before any coroutine runs.
    db.repo.load()
