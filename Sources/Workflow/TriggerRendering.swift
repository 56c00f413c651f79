import YAML

extension WorkflowRenderer {
    static func triggers(_ triggers: [Trigger]) -> YAMLValue {
        let sorted = triggers.sorted {
            (Trigger.keyOrder.firstIndex(of: $0.key) ?? Trigger.keyOrder.count)
                < (Trigger.keyOrder.firstIndex(of: $1.key) ?? Trigger.keyOrder.count)
        }
        return .map(sorted.map { ($0.key, render($0)) })
    }

    static func render(_ trigger: Trigger) -> YAMLValue {
        switch trigger {
        case .push(let f):
            return optionalMap([("branches", list(f.branches)), ("branches-ignore", list(f.branchesIgnore)),
                                ("tags", list(f.tags)), ("tags-ignore", list(f.tagsIgnore)), ("paths", list(f.paths)),
                                ("paths-ignore", list(f.pathsIgnore))])
        case .pullRequest(let f), .pullRequestTarget(let f):
            return optionalMap([("types", list(f.types)), ("branches", list(f.branches)),
                                ("branches-ignore", list(f.branchesIgnore)), ("paths", list(f.paths)),
                                ("paths-ignore", list(f.pathsIgnore))])
        case .workflowDispatch(let inputs):
            return inputs.isEmpty ? .null : .map([("inputs", render(inputs))])
        case .workflowDispatchWithEmptyInputs:
            return .map([("inputs", .mapping([]))])
        case .workflowCall(let call):
            let noInputs: YAMLValue? = call.writesEmptyInputs ? .mapping([]) : nil
            var entries: [(String, YAMLValue?)] = [("inputs", call.inputs.isEmpty ? noInputs : render(call.inputs))]
            entries.append(("outputs", call.outputs.isEmpty ? YAMLValue?.none : .map(call.outputs.map {
                ($0.name, optionalMap([("description", $0.description.map { .string($0) }),
                                       ("value", .string($0.value.rendered))]))
            })))
            entries.append(("secrets", call.secrets.isEmpty ? YAMLValue?.none : .map(call.secrets.map {
                ($0.name, optionalMap([("description", $0.description.map { .string($0) }),
                                       ("required", $0.required.map { .bool($0) })]))
            })))
            return optionalMap(entries)
        case .schedule(let crons):
            return .sequence(crons.map { .map([("cron", .string($0))]) })
        case .release(let types):
            return optionalMap([("types", list(types))])
        case .mergeGroup:
            return .null
        case .workflowRun(let workflows, let types, let branches):
            return optionalMap([("workflows", list(workflows)), ("types", list(types)), ("branches", list(branches))])
        case .workflowRunFiltered(let f):
            return optionalMap([("workflows", list(f.workflows)), ("types", list(f.types)), ("branches", list(f.branches)),
                                ("branches-ignore", list(f.branchesIgnore))])
        case .activity(_, let types):
            return optionalMap([("types", list(types))])
        case .untyped(_, let yaml):
            return yaml.value
        }
    }

    static func render(_ inputs: [WorkflowInput]) -> YAMLValue {
        .map(inputs.map { input in
            var entries: [(String, YAMLValue?)] = [("description", input.description.map { .string($0) }),
                                                   ("required", input.required.map { .bool($0) })]
            switch input.kind {
            case .string(let d):
                entries += [("type", "string"), ("default", d.map { .string($0) })]
            case .boolean(let d):
                entries += [("type", "boolean"), ("default", d.map { .bool($0) })]
            case .number(let d):
                entries += [("type", "number"), ("default", d.map { .int($0) })]
            case .choice(let options, let d):
                entries += [("type", "choice"), ("options", .sequence(options.map { .string($0) })),
                            ("default", d.map { .string($0) })]
            case .environment:
                entries += [("type", "environment")]
            case .untyped(let d):
                entries += [("default", d.map { .string($0) })]
            case .other(let type, let d, let options):
                entries += [("type", type.map { .string($0) }), ("options", options.map { .sequence($0) }), ("default", d)]
            }
            return (input.name, optionalMap(entries))
        })
    }

}
