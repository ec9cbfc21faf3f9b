from .base import Base as Core
