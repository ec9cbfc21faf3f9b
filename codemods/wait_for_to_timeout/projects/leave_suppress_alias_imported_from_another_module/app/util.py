from contextlib import suppress as quiet
