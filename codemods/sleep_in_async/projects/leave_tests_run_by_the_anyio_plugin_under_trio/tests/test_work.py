import pytest
from app.work import work
pytestmark = pytest.mark.anyio
async def test_work():
    assert await work() == 42
