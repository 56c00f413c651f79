import Lint
import Testing
import YAML

@Suite("Shell reader")
struct ShellReaderTests {
    private func commands(_ script: String) -> [[String]] {
        ShellReader().read(script).map { $0.words.map(\.value) }
    }

    @Test("separators, pipes, keywords and comments")
    func separators() {
        let result = commands("""
            if aws ecs wait services-stable --cluster c; then echo ok; fi # done
            a && b || c; d | e
            """)
        #expect(result == [["aws", "ecs", "wait", "services-stable", "--cluster", "c"], ["echo", "ok"], ["a"], ["b"], ["c"], ["d"], ["e"]])
        let piped = ShellReader().read("aws ecr get-login-password | docker login --password-stdin x")
        #expect(piped[0].pipesOut && piped[1].isPipedInto)
    }

    @Test("a group's redirection and pipe reach the commands inside it, unless one redirects its own output")
    func groupRedirections() {
        let braces = ShellReader().read("""
            {
              printf 'a=%s\\n' "$A"
              echo "b=$B" > own.txt
            } >> "$GITHUB_OUTPUT"
            echo after
            """)
        #expect(braces.map { $0.outputTarget?.value } == ["$GITHUB_OUTPUT", "own.txt", nil])
        let subshell = ShellReader().read("( echo one; echo two ) > out.txt\necho three")
        #expect(subshell.map { $0.outputTarget?.value } == ["out.txt", "out.txt", nil])
        let piped = ShellReader().read("{ echo \"$T\"; } | docker login --password-stdin r")
        #expect(piped[0].pipesOut && !piped[1].pipesOut)
        let plain = ShellReader().read("{ echo \"$T\"; }\necho x")
        #expect(plain.allSatisfy { $0.outputTarget == nil && !$0.pipesOut })
        let nested = ShellReader().read("{ { echo in; } > inner; echo out; } >> outer")
        #expect(nested.map { $0.outputTarget?.value } == ["inner", "outer"])
    }

    @Test("quotes are removed, variables and expressions kept as text")
    func quoting() {
        let result = commands(#"docker push "$REGISTRY/app:${{ github.sha }}" 'lit $X' a\ b"#)
        #expect(result == [["docker", "push", "$REGISTRY/app:${{ github.sha }}", "lit $X", "a b"]])
    }

    @Test("line continuations join one command")
    func continuations() {
        #expect(commands("aws ecs update-service \\\n  --cluster c \\\n  --service s\n") == [["aws", "ecs", "update-service", "--cluster", "c", "--service", "s"]])
    }

    @Test("command substitutions are read as commands too")
    func substitutions() {
        let result = ShellReader().read("TASK=$(aws ecs register-task-definition --cli-input-json file://td.json)\neval `aws ecr get-login`")
        let names = result.map { $0.words.map(\.value).prefix(3).joined(separator: " ") }
        #expect(names.contains("aws ecs register-task-definition"))
        #expect(names.contains("aws ecr get-login"))
        #expect(result.contains { $0.assignments.first?.value.hasPrefix("TASK=") == true })
        #expect(result.first { $0.name == "aws" }?.substitutionDepth == 1)
    }

    @Test("here-documents are skipped as commands and kept as the body")
    func hereDocuments() {
        let result = ShellReader().read("cat <<EOF > td.json\n{\"image\": \"aws ecs update-service\"}\nEOF\necho done\n")
        #expect(result.map(\.name) == ["cat", "echo"])
        #expect(result[0].hereDocument?.value.contains("update-service") == true)
        #expect(result[0].outputTarget?.value == "td.json")
    }

    @Test("redirections and assignments")
    func redirections() {
        let result = ShellReader().read("echo \"image=$IMG\" >> \"$GITHUB_OUTPUT\"\nexport TAG=v1 FOO=bar\nX=1 Y=2 make deploy 2>&1")
        #expect(result[0].outputTarget?.value == "$GITHUB_OUTPUT")
        #expect(result[1].assignments.map(\.value) == ["TAG=v1", "FOO=bar"])
        #expect(result[2].assignments.map(\.value) == ["X=1", "Y=2"])
        #expect(result[2].words.map(\.value) == ["make", "deploy"])
    }

    @Test("word offsets point into the script")
    func offsets() {
        let script = "echo a\n  docker   push  img:1\n"
        let push = ShellReader().read(script)[1].words[2]
        let bytes = Array(script.utf8)
        #expect(String(decoding: bytes[push.start..<push.end], as: UTF8.self) == "img:1")
    }

    @Test("unbalanced quotes and stray operators never crash")
    func garbage() {
        for script in ["echo \"unterminated", "$(", "`", "<<", "a |", "${", "${{ x", "))((", "echo 'x", "\\"] {
            _ = ShellReader().read(script)
        }
    }
}

@Suite("Value resolution across env, GITHUB_ENV and step outputs")
struct ResolutionTests {
    @Test("the pushed image is followed through env, GITHUB_ENV and GITHUB_OUTPUT to the render step")
    func followsImage() throws {
        let workflow = """
            on: push
            env:
              REPO: web
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  TAG: ${{ github.sha }}
                steps:
                  - id: login-ecr
                    uses: aws-actions/amazon-ecr-login@v2
                  - id: build-image
                    env:
                      ECR_REGISTRY: ${{ steps.login-ecr.outputs.registry }}
                    run: |
                      echo "IMAGE=$ECR_REGISTRY/$REPO:$TAG" >> $GITHUB_ENV
                      IMG=$ECR_REGISTRY/$REPO:$TAG
                      docker push $IMG
                      echo "image=$IMG" >> "$GITHUB_OUTPUT"
                  - id: task-def
                    uses: aws-actions/amazon-ecs-render-task-definition@v1
                    with:
                      image: ${{ steps.build-image.outputs.image }}
                  - run: echo $IMAGE
            """
        let source = SourceText(path: "w.yml", bytes: Array(workflow.utf8))
        let root = try #require(try YAMLParser().parse(workflow).root)
        let context = WorkflowContext(source: source, root: root, repository: InMemoryRepository([:]))
        let expected = ImageReference.ecrLoginRegistry + "/web:${{ github.sha }}"
        #expect(context.deployment.pushes.map(\.image) == [expected])
        let render = context.jobs[0].steps[2]
        #expect(render.resolve("${{ steps.build-image.outputs.image }}") == expected)
        #expect(context.jobs[0].steps[3].resolve("$IMAGE") == expected)
        #expect(context.deployment.pushes[0].location.line == 18)
        #expect(context.deployment.pushes[0].location.column == 23)
    }

    @Test("eval of a command built in a variable is read")
    func evalCommand() throws {
        let workflow = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      CMD="aws ecs update-service --cluster c --service s"
                      CMD="$CMD --task-definition $ARN"
                      eval $CMD
            """
        let root = try #require(try YAMLParser().parse(workflow).root)
        let context = WorkflowContext(source: SourceText(path: "w.yml", bytes: Array(workflow.utf8)), root: root, repository: InMemoryRepository([:]))
        let update = context.deployment.awsCommands.first { $0.operation?.value == "update-service" }
        #expect(update?.command.command.has(flag: "--task-definition") == true)
    }
}
