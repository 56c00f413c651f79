import Foundation
import Testing

/// Every generated IAM permission (identity) policy passes parliament with no finding at any severity, every
/// action of every generated IAM policy is an operation in botocore's service models, and every generated
/// CloudFormation template passes cfn-lint (informational checks included).
///
/// Trust and ECR repository policies are not identity policies (parliament reports their missing `Resource` and does
/// not know GitHub's OIDC provider), so TrustPolicyTests checks their `sub` instead. Peers as in PeerValidationTests.
@Suite(.enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run the peer validators"))
struct IAMPeerValidationTests {
    /// Folders holding generated IAM documents: the repository's own and the golden ones of the tests.
    static let folders = ["generated/iam", "Tests/ECSTests/Golden/iam", "Tests/IntegrationTests/Migration/after/generated/iam"]

    /// The IAM documents under `folders` whose file name is `name` (any policy, when nil), sorted.
    static func documents(named name: String? = nil) -> [String] {
        var files: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/" + folder)
            while let relative = enumerator?.nextObject() as? String {
                let file = (relative as NSString).lastPathComponent
                if relative.hasSuffix(".json") && (name.map { file == $0 } ?? (file != "cloudformation.json")) {
                    files.append(packageRoot + "/" + folder + "/" + relative)
                }
            }
        }
        return files.sorted()
    }

    static func parliament(_ files: [String]) throws -> ProcessResult {
        let bin = try Peers.bin(requiring: ["parliament", "python"])
        // Files by --files: given no --file, parliament reads a policy from any stdin that is not a terminal.
        return try runProcess(bin + "/parliament", ["--minimum_severity", "INFO", "--files", files.joined(separator: ",")],
                              in: packageRoot, environment: Peers.path(bin))
    }

    @Test func parliamentFindsNothingInAnyPermissionPolicy() throws {
        let files = Self.documents(named: "permissions-policy.json")
        #expect(files.count >= 8)
        let run = try Self.parliament(files)
        #expect(run.status == 0 && run.output.isEmpty, "parliament:\n\(run.output)")
    }

    @Test func parliamentReportsAWrongResourceAndAnUnknownAction() throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.json", """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/x"},
              {"Effect": "Allow", "Action": "ecs:UpdateServices", "Resource": "*"}]}

            """)
        let run = try Self.parliament([directory.url("bad.json").path])
        #expect(run.status != 0)
        #expect(run.output.contains("No resources match") || run.output.contains("RESOURCE_MISMATCH"), "\(run.output)")
        #expect(run.output.contains("Unknown action"), "\(run.output)")
    }

    @Test func everyActionIsABotocoreOperation() throws {
        let bin = try Peers.bin(requiring: ["python"])
        let files = Self.documents()
        #expect(files.count >= 20)
        let run = try runProcess(bin + "/python", [packageRoot + "/tools/validate-iam-actions.py"] + files,
                                 in: packageRoot, environment: Peers.path(bin))
        #expect(run.status == 0, "botocore:\n\(run.output)")
    }

    @Test func botocoreCheckRejectsAnInventedAction() throws {
        let bin = try Peers.bin(requiring: ["python"])
        let directory = try TemporaryDirectory()
        try directory.write("bad.json", "{\"Statement\": [{\"Action\": [\"ecr:PutImage\", \"ecr:PushImage\"]}]}\n")
        let run = try runProcess(bin + "/python", [packageRoot + "/tools/validate-iam-actions.py", directory.url("bad.json").path],
                                 in: packageRoot, environment: Peers.path(bin))
        #expect(run.status == 1)
        #expect(run.output.contains("ecr:PushImage: 'PushImage' is not an operation of 'ecr'"), "\(run.output)")
    }

    @Test func cfnLintAcceptsEveryTemplate() throws {
        let bin = try Peers.bin(requiring: ["cfn-lint"])
        let files = Self.documents(named: "cloudformation.json")
        #expect(files.count >= 4)
        let run = try runProcess(bin + "/cfn-lint", ["--include-checks", "I", "--"] + files, in: packageRoot,
                                 environment: Peers.path(bin))
        #expect(run.status == 0 && run.output.isEmpty, "cfn-lint:\n\(run.output)")
    }

    @Test func cfnLintRejectsAMisspeltProperty() throws {
        let bin = try Peers.bin(requiring: ["cfn-lint"])
        let directory = try TemporaryDirectory()
        try directory.write("bad.json", """
            {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"R": {"Type": "AWS::IAM::Role",
              "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}, "RoleNmae": "x"}}}}

            """)
        let run = try runProcess(bin + "/cfn-lint", [directory.url("bad.json").path], in: packageRoot,
                                 environment: Peers.path(bin))
        #expect(run.status != 0)
        #expect(run.output.contains("RoleNmae"), "\(run.output)")
    }
}
