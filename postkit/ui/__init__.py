"""The Qt desktop interface: a thin layer over postkit.core."""
