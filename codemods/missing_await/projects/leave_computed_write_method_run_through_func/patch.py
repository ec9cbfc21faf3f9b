class Loose:
    def fill(self, key, value):
        setattr(self, key, value)

    def apply_to(self, target, key, value):
        self.fill.__func__(target, key, value)
