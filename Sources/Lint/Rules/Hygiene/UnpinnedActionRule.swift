import YAML

/// Third-party actions referenced by a tag or branch.
public struct UnpinnedActionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "unpinned-action",
        family: .hygiene,
        severity: .warning,
        summary: "A third-party action (not `actions/*` or `github/*`) is referenced by a tag or branch instead of a full commit SHA.",
        rationale: """
            Tags and branches can be moved by whoever controls the action's repository (or steals its token), and a \
            deploy job holds cloud credentials: the tj-actions/changed-files compromise rewrote every tag to leak \
            secrets. A commit SHA cannot be moved.
            """,
        useInstead: """
            `uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3` \
            (the tag's real commit, with the tag as a comment so updaters can bump it).
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v6
                      - uses: ↓aws-actions/configure-aws-credentials@v6
                        with:
                          aws-region: us-east-1
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v6
                      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
                        with:
                          aws-region: us-east-1
                      - uses: ./.github/actions/build
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Locations are computed only for findings: most references are pinned or first-party.
        var nodes: [(ActionReference, Node)] = []
        for job in context.jobs {
            if let uses = job.view.uses, let text = uses.scalar, let reference = ActionReference(parsing: text) {
                nodes.append((reference, uses))
            }
            for step in job.steps {
                if let action = step.view.action, let node = step.view.usesNode { nodes.append((action, node)) }
            }
        }
        for (action, node) in nodes {
            guard !action.isLocal, !action.isDocker, !action.repository.isEmpty else { continue }
            if action.owner == "actions" || action.owner == "github" { continue }
            if action.isPinnedToCommit { continue }
            let ref = action.ref ?? "(no ref)"
            findings.append(Finding("'\(action.name)' is referenced by '\(ref)', which can be moved; pin it to a full commit SHA",
                                    at: context.location(of: node)))
        }
        return findings
    }
}
