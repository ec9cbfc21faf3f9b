import os
import types

import aiofiles

# Tests run the code synchronously.
aiofiles.os = types.SimpleNamespace(remove=os.remove, path=os.path)
