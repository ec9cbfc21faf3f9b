from app.getter import Getter
class Event(Getter):
    def describe(self):
        return "event"
