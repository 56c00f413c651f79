public import YAML

/// An event that starts a workflow (`on:`).
public enum Trigger: Sendable, Hashable {
    case push(PushFilter)
    case pullRequest(PullRequestFilter)
    case pullRequestTarget(PullRequestFilter)
    case workflowDispatch([WorkflowInput])
    /// `workflow_dispatch: {inputs: {}}`, as some files write it; GitHub reads it as `workflowDispatch()`.
    case workflowDispatchWithEmptyInputs
    case workflowCall(WorkflowCall)
    case schedule([String])
    case release(types: [String])
    case mergeGroup
    case workflowRun(workflows: [String], types: [String], branches: [String])
    /// `workflow_run` with every filter, `branches-ignore` included.
    case workflowRunFiltered(WorkflowRunFilter)
    /// Any other event, filtered only by activity types (`issues: {types: [opened]}`); no types writes `event:`.
    case activity(Event, types: [String])
    /// A trigger the typed model cannot represent, written as given under `event` (`wfgen import`'s last resort).
    case untyped(event: String, UntypedYAML)

    /// The events besides push, pull requests, dispatch, calls, schedules and workflow runs.
    public enum Event: String, Sendable, Hashable, CaseIterable {
        case branchProtectionRule = "branch_protection_rule", checkRun = "check_run", checkSuite = "check_suite"
        case create, delete, deployment
        case deploymentStatus = "deployment_status", discussion
        case discussionComment = "discussion_comment", fork, gollum
        case issueComment = "issue_comment", issues, label
        case mergeGroup = "merge_group", milestone
        case pageBuild = "page_build", project
        case projectCard = "project_card", projectColumn = "project_column"
        case `public`
        case pullRequestReview = "pull_request_review"
        case pullRequestReviewComment = "pull_request_review_comment"
        case registryPackage = "registry_package", release
        case repositoryDispatch = "repository_dispatch", status, watch
    }

    /// `push`, filtered by branch, tag and path.
    public static func push(
        branches: [String] = [], branchesIgnore: [String] = [], tags: [String] = [], tagsIgnore: [String] = [],
        paths: [String] = [], pathsIgnore: [String] = []
    ) -> Trigger {
        .push(PushFilter(branches: branches, branchesIgnore: branchesIgnore, tags: tags, tagsIgnore: tagsIgnore,
                         paths: paths, pathsIgnore: pathsIgnore))
    }

    /// `pull_request`, filtered by activity type, base branch and path.
    public static func pullRequest(
        types: [String] = [], branches: [String] = [], branchesIgnore: [String] = [], paths: [String] = [],
        pathsIgnore: [String] = []
    ) -> Trigger {
        .pullRequest(PullRequestFilter(types: types, branches: branches, branchesIgnore: branchesIgnore, paths: paths,
                                       pathsIgnore: pathsIgnore))
    }

    /// `pull_request_target`: runs with the base repository's token on untrusted pull requests;
    /// never check out or run the pull request's code in such a workflow.
    public static func pullRequestTarget(
        types: [String] = [], branches: [String] = [], branchesIgnore: [String] = [], paths: [String] = [],
        pathsIgnore: [String] = []
    ) -> Trigger {
        .pullRequestTarget(PullRequestFilter(types: types, branches: branches, branchesIgnore: branchesIgnore,
                                             paths: paths, pathsIgnore: pathsIgnore))
    }

    /// `workflow_dispatch` with typed inputs.
    public static func workflowDispatch(inputs: [WorkflowInput] = []) -> Trigger { .workflowDispatch(inputs) }

    /// `schedule` with cron lines (UTC).
    public static func schedule(cron: String...) -> Trigger { .schedule(cron) }

    /// The YAML key, which also fixes the order triggers are written in.
    var key: String {
        switch self {
        case .push: "push"
        case .pullRequest: "pull_request"
        case .pullRequestTarget: "pull_request_target"
        case .mergeGroup: "merge_group"
        case .workflowDispatch, .workflowDispatchWithEmptyInputs: "workflow_dispatch"
        case .workflowCall: "workflow_call"
        case .schedule: "schedule"
        case .release: "release"
        case .workflowRun, .workflowRunFiltered: "workflow_run"
        case .activity(let event, _): event.rawValue
        case .untyped(let event, _): event
        }
    }

    static let keyOrder = ["push", "pull_request", "pull_request_target", "merge_group", "workflow_dispatch",
                           "workflow_call", "schedule", "release", "workflow_run"]
}

/// Filters of a `workflow_run` trigger; empty lists are not written.
public struct WorkflowRunFilter: Sendable, Hashable {
    /// `workflows:`, `types:`, `branches:`, `branches-ignore:`.
    public var workflows: [String], types: [String], branches: [String], branchesIgnore: [String]

    /// A filter.
    public init(workflows: [String], types: [String] = [], branches: [String] = [], branchesIgnore: [String] = []) {
        self.workflows = workflows
        self.types = types
        self.branches = branches
        self.branchesIgnore = branchesIgnore
    }
}

/// Filters of a `push` trigger; empty lists are not written.
public struct PushFilter: Sendable, Hashable {
    /// `branches:`.
    public var branches: [String], branchesIgnore: [String], tags: [String], tagsIgnore: [String]
    /// `paths:`.
    public var paths: [String], pathsIgnore: [String]

    /// A filter; empty lists match everything.
    public init(branches: [String] = [], branchesIgnore: [String] = [], tags: [String] = [], tagsIgnore: [String] = [],
                paths: [String] = [], pathsIgnore: [String] = []) {
        self.branches = branches
        self.branchesIgnore = branchesIgnore
        self.tags = tags
        self.tagsIgnore = tagsIgnore
        self.paths = paths
        self.pathsIgnore = pathsIgnore
    }
}

/// Filters of a `pull_request` or `pull_request_target` trigger; empty lists are not written.
public struct PullRequestFilter: Sendable, Hashable {
    /// `types:`.
    public var types: [String], branches: [String], branchesIgnore: [String], paths: [String], pathsIgnore: [String]

    /// A filter; empty lists match everything.
    public init(types: [String] = [], branches: [String] = [], branchesIgnore: [String] = [], paths: [String] = [],
                pathsIgnore: [String] = []) {
        self.types = types
        self.branches = branches
        self.branchesIgnore = branchesIgnore
        self.paths = paths
        self.pathsIgnore = pathsIgnore
    }
}

/// A typed input of `workflow_dispatch` or `workflow_call`.
public struct WorkflowInput: Sendable, Hashable {
    /// The input's type and default; `choice` and `environment` exist only for `workflow_dispatch`.
    public enum Kind: Sendable, Hashable {
        case string(default: String?)
        case boolean(default: Bool?)
        case number(default: Int?)
        case choice(options: [String], default: String?)
        case environment
        /// No `type:` key (GitHub reads the input as a string).
        case untyped(default: String?)
        /// `type:` and `default:` as an imported file wrote them when they do not fit the typed cases
        /// (a default of another type, an expression as a boolean default, a fractional number).
        case other(type: String?, default: YAMLValue?, options: [YAMLValue]?)
    }

    /// `name:`.
    public let name: String
    /// `description:`; nil omits it.
    public let description: String?
    /// `required:`; nil omits it (false).
    public let required: Bool?
    /// `kind:`.
    public let kind: Kind
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares an input.
    public init(_ name: String, description: String?, required: Bool? = false, _ kind: Kind,
                file: String = #filePath, line: Int = #line) {
        self.name = name
        self.description = description
        self.required = required
        self.kind = kind
        self.location = SourceLocation(file: file, line: line)
    }

    /// `inputs.NAME` for use in expressions.
    public var value: Expression { .inputs(name, file: location.file, line: location.line) }
}

/// `workflow_call`: what a reusable workflow takes and gives back.
public struct WorkflowCall: Sendable, Hashable {
    /// An output of the reusable workflow, read from one of its jobs.
    public struct Output: Sendable, Hashable {
        /// `name:`; a nil description is not written.
        public let name: String, description: String?, value: Expression
        /// Declares an output.
        public init(_ name: String, description: String?, value: Expression) {
            self.name = name
            self.description = description
            self.value = value
        }
    }

    /// A secret the caller passes.
    public struct SecretInput: Sendable, Hashable {
        /// `name:`; a nil description or requirement is not written.
        public let name: String, description: String?, required: Bool?
        /// Declares a secret.
        public init(_ name: String, description: String?, required: Bool? = true) {
            self.name = name
            self.description = description
            self.required = required
        }
    }

    public var inputs: [WorkflowInput]
    /// `outputs:`.
    public var outputs: [Output]
    /// `secrets:`.
    public var secrets: [SecretInput]
    /// Writes `inputs: {}` when there is no input, as some files do (GitHub reads it as no `inputs:`).
    public var writesEmptyInputs: Bool

    /// Declares a reusable workflow's interface.
    public init(inputs: [WorkflowInput] = [], outputs: [Output] = [], secrets: [SecretInput] = [],
                writesEmptyInputs: Bool = false) {
        self.inputs = inputs
        self.outputs = outputs
        self.secrets = secrets
        self.writesEmptyInputs = writesEmptyInputs
    }
}
