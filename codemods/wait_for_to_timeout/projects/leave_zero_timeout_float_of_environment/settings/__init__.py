import os
TIMEOUT = float(os.environ.get('APP_TIMEOUT', '0'))
