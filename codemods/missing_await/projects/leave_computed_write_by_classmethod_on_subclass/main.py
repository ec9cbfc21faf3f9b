# asyncmod-runtime: compare
import asyncio
from app.sub import Sub
Sub.install('flush', lambda self: print('sync flush'))
asyncio.run(Sub().run())
