import asyncio
import asyncio as aio_object
import asyncio as aio_alias
import asyncio as aio_string
import asyncio as aio_value
import asyncio as aio_modules
import asyncio as aio_imported


async def job():
    # leave: other files replace each name as an attribute of this module
    asyncio.sleep(0)
    aio_object.sleep(0)
    aio_alias.sleep(0)
    aio_string.sleep(0)
    aio_value.sleep(0)
    aio_modules.sleep(0)
    aio_imported.sleep(0)
    print("job done")
