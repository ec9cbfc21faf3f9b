class Stream:
    def __init__(self):
        self.sent = []

    def send(self, stanza):
        self.sent.append(stanza)

    def close(self):
        self.send(None)  # end-of-stream marker
        return self.sent
