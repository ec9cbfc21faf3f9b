JOBS = []

class Job:
    # rewrite: the base collects no subclass
    def describe(self):
        return type(self).__name__
