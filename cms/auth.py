"""Login throttling (django-axes) for every login that comes with a request.

``authenticate()`` called without a request (management commands, scripts,
the test client's ``login()``) is not an HTTP login and has no address to
throttle: it goes straight to the model backend instead of being refused.
"""

from axes.backends import AxesStandaloneBackend


class ThrottlingBackend(AxesStandaloneBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
