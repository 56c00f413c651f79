/// The actions a release workflow uses: artifacts between jobs, build-provenance attestations, PyPI publishing.
///
/// Kept apart from `ActionPins` because that table mirrors /work/shared/reference/action-pins.md row for row, and
/// these actions are not in it. Source of every row: `git rev-parse TAG^{commit}` in a snapshot of each action's
/// repository taken on 2026-12-07, at its newest `vX.Y.Z` tag in that snapshot. pypa/gh-action-pypi-publish's
/// snapshot ends at v1.8.14; check for a newer release before relying on it. To update a row, run that command in a
/// fresh clone and change both fields.
public enum ReleaseActionPins {
    /// actions/upload-artifact v7.0.0 (tag commit dated 2026-02-25).
    public static let uploadArtifact = ActionPin("actions/upload-artifact", tag: "v7.0.0",
                                                 commit: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f")
    /// actions/download-artifact v8.0.1 (2026-03-11).
    public static let downloadArtifact = ActionPin("actions/download-artifact", tag: "v8.0.1",
                                                   commit: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c")
    /// actions/attest-build-provenance v4.1.0 (2026-02-26).
    public static let attestBuildProvenance = ActionPin("actions/attest-build-provenance", tag: "v4.1.0",
                                                        commit: "a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32")
    /// pypa/gh-action-pypi-publish v1.8.14 (2024-03-08).
    public static let pypiPublish = ActionPin("pypa/gh-action-pypi-publish", tag: "v1.8.14",
                                              commit: "81e9d935c883d0b210363ab89cf05f3894778450")

    /// The whole table, for tests.
    public static let all: [ActionPin] = [uploadArtifact, downloadArtifact, attestBuildProvenance, pypiPublish]
}
