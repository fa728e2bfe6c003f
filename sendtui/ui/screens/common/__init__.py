"""What every screen shares: the task-screen and list-screen bases, the form base,
columns, the yes/no question, the key-date form and help."""
