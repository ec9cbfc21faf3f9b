from pkg.c import h

async def job():
    return 1

job = h
