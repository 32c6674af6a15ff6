"""Good practices: a library of how posts took up IMVO, shared between posts as files."""
