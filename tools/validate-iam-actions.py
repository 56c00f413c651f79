#!/usr/bin/env python3
"""Check that every action in IAM policy JSON files is an operation of botocore's service models.

An IAM action `prefix:Name` is checked against the operations of the botocore service whose signing name (or
endpoint prefix) is `prefix`, so a misspelt or invented action fails here with no AWS call. `iam:PassRole` is the
one permission-only action IAM has (no API operation carries its name); it is allowed by name below. Prints
`path: action: error` lines and one `path: ok` line per good file; exits 1 on any error.
"""
import json
import sys

import botocore.session

# IAM actions that authorize something other than an API call of the same name.
PERMISSION_ONLY = {
    "iam:PassRole": "checked when a role ARN is handed to a service, e.g. in RegisterTaskDefinition",
}


def actions(document):
    statements = document.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    for statement in statements:
        action = statement.get("Action", [])
        yield from [action] if isinstance(action, str) else action


class Services:
    def __init__(self):
        self.session = botocore.session.get_session()
        self.operations = {}

    def operations_for(self, prefix):
        if prefix not in self.operations:
            names = self.session.get_available_services()
            candidates = [prefix] if prefix in names else []
            candidates += [name for name in names if name != prefix]
            found = None
            for name in candidates:
                metadata = self.session.get_service_model(name).metadata
                if prefix in (metadata.get("signingName"), metadata.get("endpointPrefix")):
                    found = set(self.session.get_service_model(name).operation_names)
                    break
            self.operations[prefix] = found
        return self.operations[prefix]


def main(paths):
    services = Services()
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = []
        for action in actions(document):
            if action in PERMISSION_ONLY:
                continue
            prefix, _, name = action.partition(":")
            operations = services.operations_for(prefix)
            if operations is None:
                errors.append(f"{action}: no botocore service signs as '{prefix}'")
            elif name not in operations:
                errors.append(f"{action}: '{name}' is not an operation of '{prefix}'")
        failed = failed or bool(errors)
        for error in errors:
            print(f"{path}: {error}")
        if not errors:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
