import Testing
@testable import LumbarUI

@Suite struct LumbarUIModuleTests {
    @Test func moduleLinks() {
        #expect(String(describing: LumbarUI.self) == "LumbarUI")
    }
}
