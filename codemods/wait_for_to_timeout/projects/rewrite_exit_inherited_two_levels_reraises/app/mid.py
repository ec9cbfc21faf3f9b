from .guards import Guard
class Mid(Guard):
    pass
