"""Code that relies on `loop=` raising `TypeError` since Python 3.10."""
import asyncio
import contextlib
import unittest


class LockTest(unittest.IsolatedAsyncioTestCase):
    async def test_loop_is_refused(self):
        loop = asyncio.get_running_loop()
        with self.assertRaises(TypeError):
            asyncio.Lock(loop=loop)  # leave, reported: the test wants the error
        with self.assertRaisesRegex(TypeError, "loop"):
            await asyncio.sleep(0, loop=loop)  # leave, reported

    def test_helper_is_refused(self):
        self.assertRaises(TypeError, make_queue, None)


def make_queue(loop):
    return asyncio.Queue(loop=loop)  # leave, reported: called where a TypeError is expected


async def compatible_event(loop):
    try:
        event = asyncio.Event(loop=loop)  # leave, reported: a shim for old Pythons
    except (TypeError, ValueError):
        event = asyncio.Event()
    return event


async def quietly(loop):
    with contextlib.suppress(TypeError):
        asyncio.Semaphore(2, loop=loop)  # leave, reported
        print("made a semaphore with a loop")
