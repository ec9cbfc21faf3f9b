from app.work import work


def test_work():
    c = work()
    try:
        c.send(None)
    except StopIteration as e:
        assert e.value == "ok"
        print("test passed")
