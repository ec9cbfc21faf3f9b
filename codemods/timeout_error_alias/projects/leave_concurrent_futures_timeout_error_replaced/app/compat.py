import concurrent.futures as cf
class Legacy(Exception):
    pass
cf.TimeoutError = Legacy
