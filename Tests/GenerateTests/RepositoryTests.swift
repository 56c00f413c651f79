import Foundation
import Generate
@testable import wfgen
import Testing

/// The repository's own generated files are the golden files of workflows-src/: `wfgen check` must be clean.
@Suite struct RepositoryTests {
    static var definitions: Definitions { Project.definitions }

    @Test func committedOutputsMatchWorkflowsSrc() {
        var output = Captured(), errors = Captured()
        let status = GenerationCommands(definitions: Self.definitions, packageRoot: packageRoot, outputRoot: packageRoot)
            .check(output: &output, errors: &errors)
        #expect(status == .ok, "run `swift run wfgen` and commit:\n\(output.text)\(errors.text)")
        #expect(errors.text.isEmpty, "the shipped definitions have warnings:\n\(errors.text)")
    }

    @Test func demoWorkflowDoesNotRunOnThisRepository() throws {
        let text = try String(contentsOfFile: packageRoot + "/.github/workflows/deploy-fastapi-streamlit.yml", encoding: .utf8)
        #expect(text.contains("workflow_dispatch:"))
        #expect(text.contains("- examples/fastapi-streamlit/**"))
        #expect(text.contains("if: ${{ vars.DEPLOY_FASTAPI_STREAMLIT == 'true' }}"))
    }

    @Test func exampleAppIsCoherentWithThePipeline() throws {
        let root = packageRoot + "/examples/fastapi-streamlit/"
        let backend = try String(contentsOfFile: root + "backend/Dockerfile", encoding: .utf8)
        let frontend = try String(contentsOfFile: root + "frontend/Dockerfile", encoding: .utf8)
        #expect(backend.contains("HEALTHCHECK") && backend.contains("8000/health"))
        #expect(frontend.contains("HEALTHCHECK") && frontend.contains("8501/_stcore/health"))
        let app = try String(contentsOfFile: root + "backend/app.py", encoding: .utf8)
        #expect(app.contains("@app.get(\"/health\")") && app.contains("@app.get(\"/api/health\")"))
    }
}
