from asyncio import run

from app import refresh


async def handler(request):
    # rewrite: the argument moves back one level; `run` goes
    return run(
        refresh(
            request.user,
            force=True,
        ),
    )
