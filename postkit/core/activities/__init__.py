"""The activity log: what a post did for each of the five IMVO core tasks."""
