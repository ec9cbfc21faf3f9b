import asyncio
import warnings
warnings.simplefilter("ignore")

async def work():
    loop = asyncio.get_event_loop()
    print("loop ok", loop is not None)
    return 42
