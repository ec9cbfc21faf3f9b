import functools

from app import celery


@celery.task
async def send_mail(to):
    pass


@functools.lru_cache(maxsize=None)
async def settings():
    return {}


def traced(func):
    if __debug__:
        return functools.partial(func)
    return func


@traced
async def work():
    pass


async def handle(user):
    send_mail(user.email)  # leave: the decorator may make it something else
    settings()  # leave
    work()  # leave
