from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.state import READY


async def main():
    print(await READY)
