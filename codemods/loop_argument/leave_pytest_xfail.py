"""pytest's `xfail(raises=TypeError, strict=True)` expects the failure (unsafe fix only)."""
import asyncio
import pytest

@pytest.mark.xfail(raises=TypeError, strict=True)
def test_queue_loop_kwarg_removed():
    asyncio.Queue(loop=None)

if __name__ == "__main__":
    raise SystemExit(pytest.main(["-q", "-p", "no:cacheprovider", __file__]))
