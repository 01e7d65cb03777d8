"""Benchmarks (not tests): scripts that print figures, run on demand."""
