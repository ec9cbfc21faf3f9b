from app.models import Repo


async def handle(repo: Repo, record):
    # leave: `repo` may be a `Memory`, whose `put` returns None
    repo.put(record)
