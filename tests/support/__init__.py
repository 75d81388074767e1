"""Helpers shared by the tests and the benchmarks (not installed with the application)."""
