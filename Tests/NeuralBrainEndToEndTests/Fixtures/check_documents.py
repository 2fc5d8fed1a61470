"""Validates a published release's JSON documents against its own JSON Schema.

Usage: python check_documents.py RELEASE_DIR

Every api/v1/forecasts/region/*.json and every forecast inside api/v1/forecasts/global.json
must validate against api/v1/schema/forecast-data.json (Draft 2020-12, with format checks).
Prints one line per invalid document and exits 1 if any; prints the count checked and exits 0.
"""

import json
import pathlib
import sys

import jsonschema

release = pathlib.Path(sys.argv[1])
api = release / "api" / "v1"
schema = json.loads((api / "schema" / "forecast-data.json").read_text())
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

documents = [(path.name, json.loads(path.read_text())) for path in sorted((api / "forecasts" / "region").glob("*.json"))]
glob = json.loads((api / "forecasts" / "global.json").read_text())
documents += [(f"global.json forecasts[{index}]", item) for index, item in enumerate(glob["forecasts"])]

failures = 0
for name, document in documents:
    for error in validator.iter_errors(document):
        failures += 1
        print(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
if failures:
    sys.exit(1)
print(f"{len(documents)} documents valid")
