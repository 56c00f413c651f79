// Imported by `wfgen import` from .aws/task.json; `swift run wfgen` regenerates it.
import ECS

// wfgen import: task definition kept as JSON: keys the typed TaskDefinition does not model: tags
func apiTask() -> TaskDefinitionFile {
    TaskDefinitionFile.untyped(
        path: ".aws/task.json",
        JSONValue.object([
            ("family", JSONValue.string("api")),
            ("networkMode", JSONValue.string("bridge")),
            ("containerDefinitions", JSONValue.array([
                JSONValue.object([
                    ("name", JSONValue.string("api")),
                    ("image", JSONValue.string("nginx:1.27")),
                    ("memoryReservation", JSONValue.int(128)),
                    ("cpu", JSONValue.double(0.5)),
                    ("links", JSONValue.null),
                    ("environment", JSONValue.array([
                        JSONValue.object([
                            ("name", JSONValue.string("A")),
                            ("value", JSONValue.string("b")),
                        ]),
                    ])),
                    ("essential", JSONValue.bool(true)),
                ]),
            ])),
            ("tags", JSONValue.array([])),
        ]),
        reason: "keys the typed TaskDefinition does not model: tags"
    )
}
