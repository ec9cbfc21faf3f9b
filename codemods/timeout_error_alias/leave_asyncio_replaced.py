# The module replaces `asyncio.TimeoutError` through its namespace: it is
# no longer the builtin `TimeoutError`.
import asyncio


class LegacyTimeout(Exception):
    pass


vars(asyncio)["TimeoutError"] = LegacyTimeout


def classify(error):
    try:
        raise error
    except asyncio.TimeoutError:
        print("legacy timeout")
    except Exception:
        print("something else:", type(error).__name__)


classify(TimeoutError("slow"))
classify(LegacyTimeout())
