READY = None
