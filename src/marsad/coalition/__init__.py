"""The coalition: invitations and their status over time, memberships, pledges and national
caveats."""
