# Applied once for the whole process: every module may nest runs.
import nest_asyncio

nest_asyncio.apply()
