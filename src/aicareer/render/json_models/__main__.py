"""`python -m aicareer.render.json_models [--check]`: write (or check) docs/json-schema/*.json."""

import sys

from aicareer.render.json_models import main

sys.exit(main(sys.argv[1:]))
