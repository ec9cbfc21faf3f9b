from app.mid import Mid
class Guard(Mid):
    pass
