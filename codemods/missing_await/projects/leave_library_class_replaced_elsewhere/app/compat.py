import asyncio
import queue

asyncio.Queue = queue.Queue
