"""Routes of the actions and rallies endpoints (filled in as the models land)."""

urlpatterns: list = []
