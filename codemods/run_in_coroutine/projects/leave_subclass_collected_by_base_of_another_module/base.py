JOBS = []

class Job:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        JOBS.append(cls)
