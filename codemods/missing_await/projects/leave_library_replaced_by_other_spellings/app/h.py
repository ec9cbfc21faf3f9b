import asyncio


async def handle():
    asyncio.sleep(0)  # leave: app/patcher.py replaces it (a tuple target)
    queue = asyncio.Queue()
    queue.put(1)  # leave: app/patcher.py replaces the class (a space after the dot)
    lifo = asyncio.LifoQueue()
    lifo.put(2)  # leave: app/patcher.py replaces the class (a continued line)
    priority = asyncio.PriorityQueue()
    priority.put(3)  # leave: app/patcher.py replaces the class (a `for` target)
    event = asyncio.Event()
    event.wait()  # leave: app/patcher.py replaces the class (a `with` target)
    lock = asyncio.Lock()
    lock.acquire()  # leave: app/patcher.py replaces the class (`mock.patch`)
    semaphore = asyncio.Semaphore()
    semaphore.acquire()  # leave: app/patcher.py replaces the class (`patch.multiple`)
    condition = asyncio.Condition()
    condition.wait()  # leave: app/patcher.py replaces the class (`patch.dict`)
    print(queue.qsize(), lifo.qsize(), priority.qsize())
