"""Site and admin hardening: the Content-Security-Policy's nonces, the admin's two-step verification."""
