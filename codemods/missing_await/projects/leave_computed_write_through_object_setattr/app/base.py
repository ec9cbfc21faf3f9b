class Base:
    def configure(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
