# asyncmod-runtime: compare
import asyncio
from app import svc

async def main():
    return await svc.work()

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        pass
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
