public import Workflow

/// What a GitHub Actions job presents as the OIDC token's `sub` claim after `repo:OWNER/REPO:`.
///
/// A job with `environment:` presents `environment:NAME` whatever started the run; any other job presents the ref
/// it runs on (`ref:refs/heads/BRANCH`, `ref:refs/tags/TAG`) or `pull_request` for pull-request events.
public enum OIDCSubject: Sendable, Hashable, Comparable {
    /// `environment:NAME`.
    case environment(String)
    /// `ref:REF`; `*` in it matches any run of characters (IAM's `StringLike`).
    case ref(String)
    /// `pull_request`.
    case pullRequest

    /// The claim after `repo:OWNER/REPO:`.
    public var claim: String {
        switch self {
        case .environment(let name): "environment:\(name)"
        case .ref(let ref): "ref:\(ref)"
        case .pullRequest: "pull_request"
        }
    }

    /// True when the claim needs `StringLike` (Git forbids `*` and `?` in ref names, so no exact ref holds one).
    public var isPattern: Bool { claim.contains("*") }

    public static func < (lhs: OIDCSubject, rhs: OIDCSubject) -> Bool { lhs.claim < rhs.claim }

    /// The subjects a job without an environment presents in a workflow started by `triggers`.
    ///
    /// Manual dispatches, schedules and `workflow_run` present the default branch only: a dispatch could name any
    /// branch, but admitting every branch would let anyone who can push a branch assume the role with a workflow
    /// they edited there, so AWS refuses dispatches from other branches by design.
    public static func subjects(startedBy triggers: [Trigger], in repository: GitHubRepository,
                                at location: SourceLocation) -> (subjects: [OIDCSubject], diagnostics: [Diagnostic]) {
        var subjects: [OIDCSubject] = []
        var found: [Diagnostic] = []
        let defaultBranch = OIDCSubject.ref("refs/heads/" + repository.defaultBranch)
        func refs(_ prefix: String, patterns: [String]) {
            for pattern in patterns {
                if let translated = iamPattern(pattern) {
                    subjects.append(.ref(prefix + translated))
                } else {
                    found.append(.error("filter '\(pattern)' uses glob syntax an IAM condition cannot express (?, +, [ ], leading !); list the refs or use * so the trust policy can match it",
                                        at: location))
                }
            }
        }
        for trigger in triggers {
            switch trigger {
            case .push(let filter):
                let branches = !filter.branches.isEmpty || !filter.branchesIgnore.isEmpty
                let tags = !filter.tags.isEmpty || !filter.tagsIgnore.isEmpty
                if branches || !tags { refs("refs/heads/", patterns: filter.branches.isEmpty ? ["*"] : filter.branches) }
                if tags || !branches { refs("refs/tags/", patterns: filter.tags.isEmpty ? ["*"] : filter.tags) }
            case .pullRequest, .pullRequestTarget:
                subjects.append(.pullRequest)
            case .workflowDispatch, .workflowDispatchWithEmptyInputs, .schedule, .workflowRun, .workflowRunFiltered:
                subjects.append(defaultBranch)
            case .activity(let event, _):
                // Review events run on the pull request's merge ref; the other activity events on the default branch.
                subjects.append(event == .pullRequestReview || event == .pullRequestReviewComment ? .pullRequest : defaultBranch)
            case .untyped(let event, _):
                found.append(.error("the trigger '\(event)' is untyped, so the subject its jobs present is unknown; type it or do not assume roles through OIDC in this pipeline",
                                    at: location))
            case .release:
                subjects.append(.ref("refs/tags/*"))
            case .mergeGroup:
                subjects.append(.ref("refs/heads/gh-readonly-queue/*"))
            case .workflowCall:
                found.append(.error("a reusable workflow's jobs present their caller's subject, which this pipeline cannot know; give its jobs an environment or do not assume roles through OIDC in it",
                                    at: location))
            }
        }
        return (Array(Set(subjects)).sorted(), found)
    }

    /// A GitHub branch or tag filter as an IAM `StringLike` pattern, or nil when IAM cannot express it.
    ///
    /// GitHub's `*` stops at `/` and IAM's does not, so `release/*` admits `release/a/b` too: the only widening,
    /// and only below a prefix the filter names.
    static func iamPattern(_ filter: String) -> String? {
        guard !filter.isEmpty, !filter.hasPrefix("!"),
              !filter.unicodeScalars.contains(where: { "?+[]".unicodeScalars.contains($0) }) else { return nil }
        var out = ""
        for character in filter where !(character == "*" && out.hasSuffix("*")) { out.append(character) }
        return out
    }
}
