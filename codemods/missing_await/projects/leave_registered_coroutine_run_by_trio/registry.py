JOBS = []

def register(f):
    JOBS.append(f)
    return f
