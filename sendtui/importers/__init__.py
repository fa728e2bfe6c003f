"""Files in, plain rows out; every problem names the file, row and column."""
