from app import jobs
print('exit is', jobs.Conn.__aexit__.__name__)
