"""Offline desks: event packages exported to desk laptops and their check-ins merged back."""
