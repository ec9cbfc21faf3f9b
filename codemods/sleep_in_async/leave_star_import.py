from time import *


async def unknown():
    sleep(1)  # leave: a star import may or may not bind `sleep`; asyncmod does not guess
