# asyncmod-runtime: compare
import asyncio, time
class S:
    def __init__(self):
        self.n = 0
S0 = S()
async def bump(i):
    n = vars(S0)['n']
    time.sleep(0.01)
    vars(S0)['n'] = n + 1

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('count', S0.n)

asyncio.run(main())
