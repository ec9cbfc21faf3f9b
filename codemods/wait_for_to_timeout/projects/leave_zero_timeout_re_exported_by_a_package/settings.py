from defaults import *  # noqa: F403
