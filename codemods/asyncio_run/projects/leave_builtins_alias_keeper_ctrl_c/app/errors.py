from builtins import BaseException as Stop
