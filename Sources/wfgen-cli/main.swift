import WFGenKit

// The prebuilt wfgen: lint, explain, rules, init and import work anywhere; generate and check belong to a repository's
// own `swift run wfgen`, which compiles its workflows-src/.
WFGenMain.runWithoutDefinitions()
