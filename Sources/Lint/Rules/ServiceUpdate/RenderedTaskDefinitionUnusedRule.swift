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
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for job in context.jobs {
            let renders = job.steps.filter { $0.view.action?.repository == AWSActionCatalog.renderTaskDefinition }
            guard !renders.isEmpty else { continue }
            for render in renders where render.view.id == nil {
                findings.append(Finding("this render step has no 'id', so its output (the task definition with the new image) cannot be deployed", at: context.usesLocation(of: render)))
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
                    findings.append(Finding("the deploy reads '\(text)' instead of the rendered task definition\(ids.isEmpty ? "" : " (\(ids))"), so the old image is deployed", at: context.location(of: input.value)))
                }
            }
        }
        return findings
    }
}
