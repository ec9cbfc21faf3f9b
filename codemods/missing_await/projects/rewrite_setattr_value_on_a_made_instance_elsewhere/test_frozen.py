import unittest
class T(unittest.TestCase):
    def test_frozen(self):
        class Frozen:
            __slots__ = ()
        self.assertRaises(AttributeError, setattr, Frozen(), "x", 1)
