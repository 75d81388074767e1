"""Developer tools (benchmarks, test servers); not used by the application itself."""
