/// Workflows written for these tests (not taken from any corpus), each exercising a group of constructs.
enum Samples {
    static let triggers = """
    name: Triggers
    run-name: Deploy ${{ inputs.target }} by @${{ github.actor }}
    on:
      push:
        branches: [main, 'release/**']
        tags-ignore: ['v0.*']
        paths-ignore: [docs/**]
      pull_request:
        types: [opened, synchronize]
        branches: [main]
      pull_request_target:
      workflow_dispatch:
        inputs:
          target:
            description: Where to deploy
            required: true
            type: choice
            options: [staging, production]
            default: staging
          dry-run:
            type: boolean
            default: false
          count:
            type: number
            default: 3
          note:
            description: untyped, as older workflows write it
            default: hello
          env:
            type: environment
          odd:
            type: string
            default: 1.5
      workflow_call:
        inputs:
          version:
            type: string
            required: true
        outputs:
          digest:
            description: image digest
            value: ${{ jobs.build.outputs.digest }}
        secrets:
          token:
            required: false
      schedule:
        - cron: '0 3 * * 1'
      release:
        types: [published]
      merge_group:
      workflow_run:
        workflows: [CI]
        types: [completed]
        branches-ignore: [gh-pages]
      issues:
        types: [opened, labeled]
      create:
      repository_dispatch:
        types: [deploy]
    permissions: read-all
    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - run: make
    """

    /// Written in the forms wfgen renders (a list for `on`, a scalar for one `needs`, env values as text in
    /// containers), so that the data compares equal without normalising.
    static let jobs = """
    on:
      push:
    env:
      GREETING: hello ${{ github.actor }}
      DEBUG: true
      RETRIES: 3
      RATIO: 0.5
      EMPTY:
      API_TOKEN: ${{ secrets.API_TOKEN }}
      DB_PASSWORD: postgres
    defaults:
      run:
        shell: bash -euo pipefail {0}
        working-directory: app
    concurrency: ci-${{ github.ref }}
    permissions:
      contents: read
      id-token: write
    jobs:
      test:
        name: Test ${{ matrix.os }}
        runs-on: ${{ matrix.os }}
        timeout-minutes: ${{ inputs.timeout }}
        continue-on-error: ${{ matrix.experimental }}
        strategy:
          fail-fast: false
          max-parallel: 2
          matrix:
            os: [ubuntu-latest, macos-latest]
            node: [18, 20.5]
            config: [{name: a, flags: [-O]}]
            include:
              - os: windows-latest
                experimental: true
            exclude:
              - os: macos-latest
                node: 18
        container: node:20
        services:
          redis:
            image: redis:7
            ports: [6379, '8080:80']
            options: --health-cmd "redis-cli ping"
          db:
            image: postgres:16
            credentials:
              username: ${{ github.actor }}
              password: ${{ secrets.GITHUB_TOKEN }}
            env:
              POSTGRES_PORT: '5432'
            volumes: [/data:/data]
        outputs:
          version: ${{ steps.v.outputs.version }}
          label: v-${{ steps.v.outputs.version }}
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
              persist-credentials: false
          - uses: actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a
            with:
              node-version: 20.10
          - uses: ./.github/actions/local
          - uses: docker://alpine:3.20
            with:
              args: echo hi
          - id: v
            if: github.event_name == 'push'
            run: |-
              echo "version=${{ github.sha }}" >> "$GITHUB_OUTPUT"
              echo done
            shell: bash
            working-directory: tools
            continue-on-error: true
            timeout-minutes: 5
          - name: Plain
            run: |
              echo plain
            env:
              VALUE: ${{steps.v.outputs.version}}
          - name: Spaced
            if: ${{  always()  }}
            run: echo spaced
      matrix-json:
        needs: test
        runs-on: [self-hosted, linux]
        environment:
          name: production
          url: https://example.com/${{ github.sha }}
        strategy:
          matrix: ${{ fromJSON(needs.test.outputs.version) }}
        steps:
          - run: echo ${{ matrix.x }}
      grouped:
        needs: [test, matrix-json]
        runs-on:
          group: large
          labels: [linux]
        environment: staging
        concurrency:
          group: deploy
          cancel-in-progress: true
        steps:
          - run: echo grouped
      call:
        needs: grouped
        if: ${{ needs.grouped.result == 'success' }}
        uses: ./.github/workflows/deploy.yml
        with:
          target: staging
          dry-run: false
        secrets: inherit
      call-remote:
        permissions:
          contents: read
        uses: octo/shared/.github/workflows/build.yml@v2
        secrets:
          token: ${{ secrets.TOKEN }}
          other: ${{ secrets.A || github.token }}
    """

    /// Constructs the typed model cannot hold: they go through escape hatches with notes.
    static let escapes = """
    name: Escapes
    on:
      workflow_dispatch:
      worlkflow_dispatch:
    jobs:
      odd:
        runs-on: ubuntu-latest
        steps:
          - run: echo fine
          - uses: actions/cache@v4
            run: echo both
      weird:
        runs-on: ubuntu-latest
        unknown-key: 1
        steps:
          - run: echo x
      after:
        needs: weird
        runs-on: ubuntu-latest
        steps:
          - run: echo after
    """
}
