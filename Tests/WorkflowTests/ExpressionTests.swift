import Testing
import Workflow

@Suite struct ExpressionTests {
    @Test func contextsRenderWithDollarBraces() {
        #expect(Expression.github(.sha).rendered == "${{ github.sha }}")
        #expect(Expression.github(.refName).rendered == "${{ github.ref_name }}")
        #expect(Expression.vars("REGION").rendered == "${{ vars.REGION }}")
        #expect(Expression.env("HOME").rendered == "${{ env.HOME }}")
        #expect(Expression.matrix("os").rendered == "${{ matrix.os }}")
        #expect(Secret("TOKEN").description == "${{ secrets.TOKEN }}")
        #expect(Expression.always().rendered == "${{ always() }}")
    }

    @Test func literalsAreQuotedTheGitHubWay() {
        #expect(Expression.literal("it's").code == "'it''s'")
        #expect(Expression.github(.ref).isEqual(to: "refs/heads/main").code == "github.ref == 'refs/heads/main'")
    }

    @Test func operatorsParenthesizeAndKeepReferences() {
        let job = Job("build", runsOn: .ubuntu2404, outputs: [("image", .github(.sha))], steps: [Step.run("x", "true")])
        let combined = Expression.success() && !job.output("image").isEqual(to: "")
        #expect(combined.code == "(success()) && (!(needs.build.outputs.image == ''))")
        #expect(combined.references.count == 1)
    }

    @Test func interpolatedStringsMixLiteralsAndExpressions() {
        let text: InterpolatedString = "registry/app:\(Expression.github(.sha))-\(7)"
        #expect(text.rendered == "registry/app:${{ github.sha }}-7")
        #expect(text.expressions.count == 1)
        #expect(text.literalText == nil)
        #expect(InterpolatedString("plain").literalText == "plain")
    }

    @Test func secretsOnlyEverRenderAsSecretReferences() {
        let secret = Secret("AWS_SECRET_ACCESS_KEY")
        let value: InputValue = .secret(secret)
        #expect(value.expressions.map(\.rendered) == ["${{ secrets.AWS_SECRET_ACCESS_KEY }}"])
    }
}
