import Lint
import Testing

@Suite("Image references")
struct ImageReferenceTests {
    @Test("messages show the login step's registry as the workflow writes it, never the internal placeholder")
    func displayedRegistry() {
        let resolved = ImageReference.ecrLoginRegistry + "/web:latest"
        #expect(ImageReference.displayed(resolved) == "${{ steps.<ecr-login>.outputs.registry }}/web:latest")
        #expect(ImageReference.displayed("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1")
                == "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1")
    }

    @Test("a digest is split from the repository")
    func digest() {
        let image = ImageReference(ImageReference.ecrLoginRegistry + "/web@${{ steps.build.outputs.digest }}")
        #expect(image.repository == "web" && image.tag == nil && image.digest == "${{ steps.build.outputs.digest }}")
    }
}
