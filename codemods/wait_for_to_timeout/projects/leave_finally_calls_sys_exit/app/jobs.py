import asyncio
import sys
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        print("job: cleanup")
        sys.exit(3)
