class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        for k, v in kw.items():
            setattr(cls, k, v)
