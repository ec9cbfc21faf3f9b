import types


class Timer:
    def __init__(self):
        self.sleep = 0.5


fake = types.SimpleNamespace()
fake.sleep = lambda: "fake sleep"
m_time = types.SimpleNamespace()
m_time.sleep = None
print("time.sleep calls:", 0)
