import WFGenKit

// `swift run wfgen` at the repository root: generate (the default), check, lint, … over this repository's definitions.
WFGenMain.run(Project.definitions)
