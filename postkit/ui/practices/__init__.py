"""The good-practices library: browse, read, share by file and present."""
