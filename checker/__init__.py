"""chc: check complaint handling against the Housing Ombudsman's Complaint Handling Code."""

__version__ = "0.1.0"
