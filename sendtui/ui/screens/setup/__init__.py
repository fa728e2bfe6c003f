"""Setting up an inspection from the app: imports of settings, people and a schedule."""
