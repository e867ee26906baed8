"""Parley: who said what, where and when, from diplomatic news."""
