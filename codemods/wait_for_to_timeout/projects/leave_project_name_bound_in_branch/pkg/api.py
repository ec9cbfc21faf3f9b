import os
from pkg.c import h

if os.name == 'posix':
    job = h
else:
    async def job():
        return 1
