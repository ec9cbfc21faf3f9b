class Loose:
    def fill(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
