#!/usr/bin/env python3
"""Validate ECS task-definition JSON files against AWS's RegisterTaskDefinition input model.

Uses botocore's own service model and parameter validator (no AWS call, no credentials), so a
file that passes here is accepted by `aws ecs register-task-definition --cli-input-json` as far as
shapes, required members, enums and ranges go. Prints `path: error` lines; exits 1 on any error.
"""
import json
import sys

import botocore.session
import botocore.validate


def main(paths):
    model = botocore.session.get_session().get_service_model("ecs")
    shape = model.operation_model("RegisterTaskDefinition").input_shape
    validator = botocore.validate.ParamValidator()
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            params = json.load(handle)
        report = validator.validate(params, shape)
        if report.has_errors():
            failed = True
            print(f"{path}: {report.generate_report()}")
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
