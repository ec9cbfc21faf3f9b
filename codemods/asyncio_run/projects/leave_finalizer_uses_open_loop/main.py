# asyncmod-runtime: compare
# leave: a finalizer of another module asks for the loop the code left open, after the run
import asyncio
from app.client import Client
async def main():
    c = Client()
    print("main ran")
    return c
if __name__ == "__main__":
    client = asyncio.get_event_loop().run_until_complete(main())
