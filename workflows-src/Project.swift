import WFGenKit

/// Everything this repository generates: `swift run wfgen` compiles these (main.swift).
enum Project {
    static var definitions: Definitions {
        Definitions(
            workflows: [continuousIntegration(), release()],
            // ECS pipelines (each becomes a workflow and task definitions under generated/).
            pipelines: [fastAPIStreamlit()])
    }
}
