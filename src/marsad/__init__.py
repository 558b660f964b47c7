"""Marsad: the coordination and monitoring system of a multinational stabilization force."""

__version__ = "0.1.0"
