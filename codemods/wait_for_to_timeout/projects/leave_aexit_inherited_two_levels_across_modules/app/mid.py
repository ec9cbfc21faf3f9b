from app.guards import Guard
class Mid(Guard):
    pass
