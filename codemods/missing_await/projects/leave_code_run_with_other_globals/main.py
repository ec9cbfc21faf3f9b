# asyncmod-runtime: compare
import asyncio
import types
from svc.store import save

def sync(x):
    print('sync', x)




async def handle():
    save(1)
    print('done')


handle = types.FunctionType(handle.__code__, {'save': sync, 'print': print})
asyncio.run(handle())
