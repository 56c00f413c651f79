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
                  release:
                    uses: $/.github/workflows/release.yml
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Locations are computed only for findings: most references are pinned or first-party.
        func isUnpinned(_ action: ActionReference) -> Bool {
            guard !action.isLocal, !action.isDocker, !action.repository.isEmpty else { return false }
            if action.hasOwner("actions") || action.hasOwner("github") { return false }
            return !action.isPinnedToFullSHA
        }
        func report(_ action: ActionReference, _ node: Node) {
            let ref = action.ref ?? "(no ref)"
            findings.append(Finding("'\(action.name)' is referenced by '\(ref)', which can be moved; pin it to a full commit SHA",
                                    at: context.location(of: node)))
        }
        // Jobs are read in place by index: a JobFacts copy retains every field of its view.
        let jobs = context.jobs
        for index in jobs.indices {
            if let uses = jobs[index].view.uses, let text = uses.scalar, let reference = ActionReference(parsing: text),
               isUnpinned(reference) {
                report(reference, uses)
            }
            for step in jobs[index].steps {
                // The `uses:` node is copied out only for a finding.
                if let action = step.view.action, isUnpinned(action), let node = step.view.usesNode { report(action, node) }
            }
        }
        return findings
    }
}
