/// Generates realistic GitHub workflow files, deterministically, so every run measures the same bytes.
struct WorkflowCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    private mutating func pick(_ options: [String]) -> String { options[next(options.count)] }

    mutating func workflow(index: Int) -> String {
        var text = """
        # Workflow \(index): build, push to ECR and deploy to ECS.
        name: deploy-\(index)
        on:
          push:
            branches: [main, "release/**"]
            paths-ignore: ['docs/**', '*.md']
          pull_request:
          workflow_dispatch:
            inputs:
              environment:
                description: Target environment
                type: choice
                options: [staging, production]
                default: staging
        permissions:
          contents: read
        concurrency:
          group: deploy-${{ github.ref }}
          cancel-in-progress: false
        env:
          AWS_REGION: \(pick(["us-east-1", "eu-west-1", "ap-southeast-2"]))
          ECR_REPOSITORY: app-\(index)
          ECS_CLUSTER: cluster-\(next(50))
        jobs:

        """
        for job in 0..<(2 + next(4)) {
            text += """
              job-\(job):
                name: "Job \(job): \(pick(["build", "test", "deploy", "lint"]))"
                runs-on: \(pick(["ubuntu-latest", "ubuntu-24.04", "[self-hosted, linux]"]))
                timeout-minutes: \(10 + next(50))
                permissions:
                  id-token: write
                  contents: read
            \(job > 0 ? "    needs: [job-\(job - 1)]\n" : "")\
                environment:
                  name: \(pick(["staging", "production"]))
                  url: https://example-\(index).com
                strategy:
                  matrix:
                    node: [18, 20, 22]
                    os: [ubuntu-latest]
                steps:
                  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
                    with:
                      persist-credentials: false
                  - name: Configure AWS credentials
                    uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy-\(index)
                      aws-region: ${{ env.AWS_REGION }}
                  - name: Login to Amazon ECR
                    id: login-ecr
                    uses: aws-actions/amazon-ecr-login@03f1aad4c6c7ffd436567f42f9384779290529bd # v2.1.7
                  - name: Build, tag, and push image to Amazon ECR
                    id: build-image
                    env:
                      ECR_REGISTRY: ${{ steps.login-ecr.outputs.registry }}
                      IMAGE_TAG: ${{ github.sha }}
                    run: |
                      docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG .
                      docker push $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG
                      echo "image=$ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG" >> "$GITHUB_OUTPUT"
                  - name: Render task definition
                    id: task-def
                    uses: aws-actions/amazon-ecs-render-task-definition@138c24f321fdbdf7edee4a685519d253cae2cdea # v1.9.0
                    with:
                      task-definition: task-definition.json
                      container-name: app
                      image: ${{ steps.build-image.outputs.image }}
                  - name: Deploy
                    uses: aws-actions/amazon-ecs-deploy-task-definition@c465972ecbd160473f22e683363b422a5412a3de # v2.6.3
                    with:
                      task-definition: ${{ steps.task-def.outputs.task-definition }}
                      service: service-\(next(20))
                      cluster: ${{ env.ECS_CLUSTER }}
                      wait-for-service-stability: true
                  - name: Smoke test
                    if: ${{ success() && github.event_name != 'pull_request' }}
                    run: >-
                      curl --fail --retry 5 --retry-delay 10
                      'https://example-\(index).com/health'

            """
        }
        return text
    }
}
