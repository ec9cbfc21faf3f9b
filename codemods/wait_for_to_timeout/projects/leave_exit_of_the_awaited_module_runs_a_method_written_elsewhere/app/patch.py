from app import jobs
def strict(self):
    raise RuntimeError('release failed')
jobs.Conn.release = strict
