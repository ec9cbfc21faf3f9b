from typing import Protocol


class Store(Protocol):
    async def save(self, x):
        """Persist x."""
