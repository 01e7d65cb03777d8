"""actions: urgent actions (petitions and their signatures) and rallies."""
