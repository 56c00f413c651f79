/// `docker push` (or build-push-action) to ECR in a job with no ECR login before it.
public struct PushWithoutECRLoginRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "push-without-ecr-login",
        family: .confusion,
        severity: .error,
        summary: "An image is pushed to an ECR registry in a job that has no ECR login before the push.",
        rationale: """
            Configuring AWS credentials does not log Docker in to ECR; a push without `amazon-ecr-login` (or \
            `aws ecr get-login-password | docker login`) fails with "no basic auth credentials". Docker credentials \
            do not carry over between jobs either, so a login in another job does not help.
            """,
        useInstead: """
            Add `aws-actions/amazon-ecr-login` (with an `id`) in the same job, before the push, and push to \
            `${{ steps.login-ecr.outputs.registry }}/<repository>:<tag>`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          aws-region: us-east-1
                          role-to-assume: arn:aws:iam::123456789012:role/deploy
                      - run: |
                          docker build -t 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{ github.sha }} .
                          docker push ↓123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{ github.sha }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - env:
                          REGISTRY: ${{ steps.login-ecr.outputs.registry }}
                        run: docker push $REGISTRY/app:${{ github.sha }}
                      - run: |
                          aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:${{ github.sha }}
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        let logins = context.deployment.ecrLogins
        for push in context.deployment.pushes {
            let reference = ImageReference(push.image)
            guard reference.isECR else { continue }
            let loggedIn = logins.contains { $0.job == push.position.job && $0 <= push.position }
            if !loggedIn {
                findings.append(Finding("'\(push.image)' is pushed to ECR but this job has no ECR login before it (amazon-ecr-login or aws ecr get-login-password | docker login)", at: push.location))
            }
        }
        return findings
    }
}
