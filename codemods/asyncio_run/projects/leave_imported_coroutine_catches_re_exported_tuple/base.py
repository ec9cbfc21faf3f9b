from kinds import ABORT

STOP = (ABORT, KeyboardInterrupt)
