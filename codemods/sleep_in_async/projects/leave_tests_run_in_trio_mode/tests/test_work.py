from app.work import work
async def test_work():
    assert await work() == 42
