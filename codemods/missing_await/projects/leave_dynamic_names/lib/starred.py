async def load():
    return 1


from lib.plain import *  # noqa: E402,F403  (may rebind `load`)
