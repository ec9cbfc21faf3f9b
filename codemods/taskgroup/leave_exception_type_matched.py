# asyncmod-test: --unsafe-fixes
import asyncio
import unittest


async def bad():
    raise KeyError("k")


async def ok():
    await asyncio.sleep(0.01)


async def handler_tests_the_type():
    try:
        tasks = [asyncio.create_task(c) for c in (ok(), bad())]
        await asyncio.gather(*tasks)  # leave, reported: `isinstance` would see an ExceptionGroup
    except Exception as e:
        if isinstance(e, KeyError):
            print("missing key")
        else:
            print("other")


async def handler_reads_attributes():
    try:
        t1 = asyncio.create_task(ok())
        t2 = asyncio.create_task(bad())
        await asyncio.gather(t1, t2)  # leave, reported: `e.args` would be the group's
    except Exception as e:
        print("failed", e.args)


class Test(unittest.IsolatedAsyncioTestCase):
    async def test_raises(self):
        with self.assertRaises(KeyError):
            tasks = [asyncio.create_task(c) for c in (ok(), bad())]
            await asyncio.gather(*tasks)  # leave, reported: would not match the ExceptionGroup


asyncio.run(handler_tests_the_type())
asyncio.run(handler_reads_attributes())
result = unittest.TextTestRunner(stream=open("/dev/null", "w")).run(
    unittest.defaultTestLoader.loadTestsFromTestCase(Test)
)
print("tests ok:", result.wasSuccessful())
