/// Render steps whose output the deploy does not read.
public struct RenderedTaskDefinitionUnusedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "rendered-task-definition-unused",
        family: .serviceUpdate,
        severity: .error,
        summary: "An `amazon-ecs-render-task-definition` step's output is not what gets deployed (the deploy reads another file), or the render step has no `id`.",
        rationale: """
            The render action writes a new temporary file with the new image; the committed `task-definition.json` is \
            unchanged. A deploy step that reads the committed file (or a render step without `id`, whose output \
            nothing can read) registers the old image, so the service keeps running the previous build.
            """,
        useInstead: """
            Give the render step an `id` and deploy `${{ steps.<id>.outputs.task-definition }}`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ${{ steps.build.outputs.image }}
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: ↓task-definition.json
                          service: web
                          wait-for-service-stability: true
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ↓aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ${{ steps.build.outputs.image }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ${{ steps.build.outputs.image }}
                      - id: sidecar
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: ${{ steps.task-def.outputs.task-definition }}
                          container-name: log-router
                          image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: ${{ steps.sidecar.outputs.task-definition }}
                          service: web
                          wait-for-service-stability: true
                """),
        ],
        autoFix: """
            Points the deploy's `task-definition` at `${{ steps.<id>.outputs.task-definition }}` of the last render \
            step before it, when that render chain starts from the very file the deploy reads (the same path, or the \
            same expression such as `${{ env.ECS_TASK_DEFINITION }}`); a render step without \
            `id` gets `id: task-def` (or `task-def-2`... when taken) as its first key. Not fixed: the deploy reads \
            another file, a step between render and deploy reads the render's output, expressions, flow-style \
            mappings, or a file with YAML aliases.
            """
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Jobs are read by index: a JobFacts copy retains every field of its view, and few jobs render.
        let jobs = context.jobs
        for jobIndex in jobs.indices {
            guard jobs[jobIndex].steps.contains(where: { $0.view.action?.repository == AWSActionCatalog.renderTaskDefinition }) else { continue }
            let job = jobs[jobIndex]
            let renders = job.steps.filter { $0.view.action?.repository == AWSActionCatalog.renderTaskDefinition }
            let newIDs = RenderedTaskDefinitionUnusedRule.newIDs(for: renders, in: job)
            for render in renders where render.view.id == nil {
                findings.append(Finding("this render step has no 'id', so its output (the task definition with the new image) cannot be deployed",
                                        at: context.usesLocation(of: render),
                                        fix: RenderedTaskDefinitionUnusedRule.addID(to: render, newIDs: newIDs, context: context)))
            }
            // Steps that read a render's output (e.g. a second render or an env-injection action) carry it on.
            var renderIDs = Set(renders.compactMap { $0.view.id })
            for step in job.steps where step.view.action?.repository != AWSActionCatalog.deployTaskDefinition {
                guard let id = step.view.id, !renderIDs.contains(id) else { continue }
                let inputs = step.view.with.compactMap(\.text).joined(separator: "\n")
                if renderIDs.contains(where: { inputs.fastContains("steps.\($0).outputs.") }) { renderIDs.insert(id) }
            }
            for step in job.steps where step.view.action?.repository == AWSActionCatalog.deployTaskDefinition {
                guard renders.contains(where: { $0.view.index < step.view.index }), let input = step.view.input("task-definition"),
                      let text = input.text else { continue }
                let readsRender = renderIDs.contains { text.fastContains("steps.\($0).outputs.") }
                if !readsRender {
                    let ids = renderIDs.sorted().map { "steps.\($0).outputs.task-definition" }.joined(separator: " or ")
                    findings.append(Finding("the deploy reads '\(text)' instead of the rendered task definition\(ids.isEmpty ? "" : " (\(ids))"), so the old image is deployed",
                                            at: context.location(of: input.value),
                                            fix: RenderedTaskDefinitionUnusedRule.pointAtRender(step, input: input, job: job, newIDs: newIDs, context: context)))
                }
            }
        }
        return findings
    }

    /// Non-colliding ids (`task-def`, `task-def-2`...) for the job's render steps that have none, by step index.
    static func newIDs(for renders: [StepFacts], in job: JobFacts) -> [Int: String] {
        var taken = Set(job.steps.compactMap { $0.view.id })
        var ids: [Int: String] = [:]
        for render in renders where render.view.id == nil {
            var candidate = "task-def"
            var counter = 2
            while taken.contains(candidate) {
                candidate = "task-def-\(counter)"
                counter += 1
            }
            taken.insert(candidate)
            ids[render.view.index] = candidate
        }
        return ids
    }

    /// Adds `id: <new id>` as the render step's first key.
    static func addID(to render: StepFacts, newIDs: [Int: String], context: WorkflowContext) -> FixOutcome {
        guard let id = newIDs[render.view.index] else { return .notFixable("no id could be chosen") }
        do {
            let edit = try SourceEdits(context: context)
                .prepending(["id: \(id)"], to: render.view.node, what: "the render step")
            return .fix(Fix("add 'id: \(id)' to the render step", edits: [edit]))
        } catch {
            return .notFixable(error.reason)
        }
    }

    /// Points the deploy at the last render before it, when that render renders the very file the deploy reads.
    ///
    /// Anything else (the deploy reads another file, a step between them transforms the render's output, the
    /// input is an expression) has more than one plausible fix, so it is left to the user.
    static func pointAtRender(_ deploy: StepFacts, input: KeyedNode, job: JobFacts, newIDs: [Int: String],
                              context: WorkflowContext) -> FixOutcome {
        let renders = job.steps.filter { $0.view.action?.repository == AWSActionCatalog.renderTaskDefinition && $0.view.index < deploy.view.index }
        guard let render = renders.last, let id = render.view.id ?? newIDs[render.view.index] else {
            return .notFixable("no render step precedes the deploy")
        }
        if let renderID = render.view.id {
            for step in job.steps where step.view.index > render.view.index && step.view.index < deploy.view.index {
                if step.view.with.contains(where: { ($0.text ?? "").fastContains("steps.\(renderID).outputs.") }) {
                    return .notFixable("step \(step.view.label) reads the render's output before the deploy; choose which output to deploy")
                }
            }
        }
        // The file the render chain starts from.
        var current = render
        while let text = current.view.input("task-definition")?.text, let previous = renderOutputID(text),
              let earlier = renders.last(where: { $0.view.id == previous && $0.view.index < current.view.index }) {
            current = earlier
        }
        guard let rendered = current.view.input("task-definition")?.text, let deployed = input.text else {
            return .notFixable("the render step's 'task-definition' is not a single value")
        }
        let renderedPath = RepositoryPath.normalize(current.resolve(rendered).trimmingWhitespace())
        let deployedPath = RepositoryPath.normalize(deploy.resolve(deployed).trimmingWhitespace())
        if ImageReference.isUnresolved(renderedPath) || ImageReference.isUnresolved(deployedPath) {
            // The same expression (e.g. `${{ env.ECS_TASK_DEFINITION }}`) names the same file when no step-level
            // `env` can make it differ.
            guard rendered.trimmingWhitespace() == deployed.trimmingWhitespace(), current.view.env.isEmpty, deploy.view.env.isEmpty else {
                return .notFixable("the deploy and the render name their task definitions with different expressions")
            }
        } else if renderedPath != deployedPath {
            return .notFixable("the deploy reads '\(deployedPath)' but the render step renders '\(renderedPath)'")
        }
        guard let with = deploy.view.withNode else { return .notFixable("the deploy step has no 'with:' mapping") }
        let sourceEdits = SourceEdits(context: context)
        if sourceEdits.isInFlowCollection(with) { return .notFixable("the deploy step's 'with:' is a flow mapping ({...})") }
        do {
            var edits = [try sourceEdits.replacing(input.value, with: "${{ steps.\(id).outputs.task-definition }}", what: "the deploy's 'task-definition'")]
            if render.view.id == nil {
                edits.append(try sourceEdits.prepending(["id: \(id)"], to: render.view.node, what: "the render step"))
            }
            return .fix(Fix("point the deploy at 'steps.\(id).outputs.task-definition'\(render.view.id == nil ? " and add 'id: \(id)' to the render step" : "")", edits: edits))
        } catch {
            return .notFixable(error.reason)
        }
    }

    /// `X` of an input that is exactly `${{ steps.X.outputs.task-definition }}`.
    static func renderOutputID(_ text: String) -> String? {
        var inner = text.trimmingWhitespace()
        guard inner.hasPrefix("${{"), inner.hasSuffix("}}") else { return nil }
        inner = String(inner.dropFirst(3).dropLast(2)).trimmingWhitespace()
        guard inner.hasPrefix("steps."), inner.hasSuffix(".outputs.task-definition") else { return nil }
        let id = inner.dropFirst("steps.".count).dropLast(".outputs.task-definition".count)
        return id.isEmpty ? nil : String(id)
    }
}
