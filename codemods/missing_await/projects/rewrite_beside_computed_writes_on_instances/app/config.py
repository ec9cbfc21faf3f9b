class Settings:
    def __init__(self, **values):
        for key, value in values.items():
            setattr(self, key, value)
        self.update("name", "x")

    def update(self, key, value):
        object.__setattr__(self, key, value)


class Child(Settings):
    def __init__(self, **values):
        super().__init__(**values)


def load(**values):
    made = Settings()
    for key, value in values.items():
        setattr(made, key, value)
    return made
