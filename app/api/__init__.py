"""HTTP only: parse, call one service function, return a model or raise."""
