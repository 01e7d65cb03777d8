"""The prisoner cases of the content API: ``/api/v1/{locale}/cases/``."""
