from app.base import Base as Service
