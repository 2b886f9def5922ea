#!/usr/bin/env python3
"""Cuts Directus's OpenAPI description down to a few paths and the components they reference.

Source: npm package @directus/specs 15.2.0, dist/openapi.json (its POST /items/{collection} has `schema: null`).
    cd /tmp && npm pack @directus/specs@15.2.0 && tar xzf directus-specs-15.2.0.tgz
    python3 cut-directus.py /tmp/package/dist/openapi.json > directus-15.2.0-cut.json
"""
import json
import sys

KEEP = ["/items/{collection}", "/server/ping", "/server/info"]

spec = json.load(open(sys.argv[1]))
spec["paths"] = {p: spec["paths"][p] for p in KEEP}
components = spec.get("components", {})


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


kept = set()
pending = list(refs(spec["paths"]))
while pending:
    ref = pending.pop()
    if ref in kept or not ref.startswith("#/components/"):
        continue
    kept.add(ref)
    _, _, kind, name = ref.split("/", 3)
    pending.extend(refs(components[kind][name]))

spec["components"] = {
    kind: {name: value for name, value in entries.items() if f"#/components/{kind}/{name}" in kept}
    for kind, entries in components.items()
}
spec["components"] = {kind: entries for kind, entries in spec["components"].items() if entries}
spec.pop("x-tagGroups", None)
json.dump(spec, sys.stdout, indent=1)
print()
