from .home import HomePage
from .reference import Body, Department, DocumentType, Place, Topic

__all__ = ["Body", "Department", "DocumentType", "HomePage", "Place", "Topic"]
