from .baseguard import BaseGuard
class Guard(BaseGuard):
    pass
