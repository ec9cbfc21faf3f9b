"""A home-made `@xfail(raises=TypeError)` expects the failure (unsafe fix only)."""
import asyncio
import sys

def xfail(raises):
    def deco(fn):
        def wrapper(*a):
            try:
                fn(*a)
            except raises:
                print("xfail ok")
                return
            print("XPASS (unexpected)")
            sys.exit(1)
        return wrapper
    return deco

@xfail(raises=TypeError)
def test_queue_loop():
    asyncio.Queue(loop=None)

test_queue_loop()
