#!/usr/bin/env python3
# Stand-in for docker-stacks' start-notebook.py (images/e2e/base/Containerfile): the base
# image's CMD. It exits 0, as a server that was stopped would: an image that still runs it
# would look like a pass.
import sys
print("start-notebook.py (docker-stacks stand-in): the base image's CMD ran", file=sys.stderr)
