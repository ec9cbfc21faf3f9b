"""unittest-style suites keep one loop in an attribute and set it up themselves."""
import asyncio
import unittest

from app import main


class MainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.loop = asyncio.new_event_loop()  # leave: a loop held in an attribute
        asyncio.set_event_loop(cls.loop)

    def test_main(self):
        self.loop.run_until_complete(main())  # leave: never touched, not reported

    def test_chained(self):
        # leave, reported: the module sets a loop elsewhere, and this code may expect it
        asyncio.get_event_loop().run_until_complete(main())

    @classmethod
    def tearDownClass(cls):
        cls.loop.close()
