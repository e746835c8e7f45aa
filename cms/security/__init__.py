"""Site and admin hardening: the Content-Security-Policy's nonces for the admin's inline scripts."""
