"""A post's annual return: the year's figures per core task, written for headquarters."""
