class Patcher:
    def __init__(self, **values):
        self.patch(values)

    def patch(self, values):
        for name, value in values.items():
            setattr(self, name, value)

    def read(self, name):
        return getattr(self, name)
