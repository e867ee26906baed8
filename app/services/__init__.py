"""Use cases: one function per thing a user does; the function that owns it commits."""
