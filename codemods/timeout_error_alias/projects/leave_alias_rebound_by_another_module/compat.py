"""Legacy: the service raised its own timeout class under asyncio's name."""
import asyncio


class ServiceTimeout(Exception):
    pass


asyncio.TimeoutError = ServiceTimeout
