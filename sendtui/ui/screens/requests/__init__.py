"""Information requests: the Requests screen (7) and its form."""
