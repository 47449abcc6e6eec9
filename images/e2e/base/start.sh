#!/bin/bash
# Stand-in for docker-stacks' start.sh (images/e2e/base/Containerfile). images/Containerfile
# replaces the ENTRYPOINT that calls it: a run that gets here comes from a broken image.
echo "start.sh (docker-stacks stand-in): the base image's ENTRYPOINT ran, with: $*" >&2
exec "$@"
