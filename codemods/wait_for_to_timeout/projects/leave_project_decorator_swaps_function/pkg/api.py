from pkg.c import h

def swap(fn):
    return h

@swap
async def job():
    return 1
