"""Domain rules: plain Python, session passed in."""
