from app.hooks import bind


class Plugin:
    __init_subclass__ = bind
