import os

import aiofiles.os

# Tests run the code synchronously.
aiofiles.os.remove = os.remove
