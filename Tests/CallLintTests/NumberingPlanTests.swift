import XCTest

@testable import CallLint

/// The generated numbering-plan data decodes as its index says, and reads numbers the way
/// libphonenumber does in the cases the rules depend on (the differential test in
/// scripts/check-phone-numbers.sh holds the rest against libphonenumber itself).
final class NumberingPlanTests: XCTestCase {
    let plan = NumberingPlan.shared

    func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - UInt8(ascii: "0") } }

    func testEveryRegionDecodesAsItsIndexSays() {
        XCTAssertGreaterThan(plan.regionCount, 240)
        for place in 0..<plan.regionCount {
            let entry = NumberingPlan.index[place]
            let region = plan.region(at: place)
            XCTAssertEqual(region.code, "\(entry.code)")
            XCTAssertEqual(region.callingCode, entry.callingCode)
            XCTAssertFalse(region.name.isEmpty, region.code)
            XCTAssertNotEqual(region.possibleLengths, 0, region.code)
        }
    }

    func testCallingCodesArePrefixFree() {
        XCTAssertEqual(plan.callingCode(prefixOf: digits("13175550123"))?.code, 1)
        XCTAssertEqual(plan.callingCode(prefixOf: digits("442079460958"))?.code, 44)
        XCTAssertEqual(plan.callingCode(prefixOf: digits("6837040"))?.code, 683)
        XCTAssertNil(plan.callingCode(prefixOf: digits("9995550123")))
        XCTAssertNil(plan.callingCode(prefixOf: digits("0442079460958")))
    }

    func testValidity() {
        XCTAssertTrue(plan.isValidInternationalNumber(digits("13175550123")))
        XCTAssertTrue(plan.isValidInternationalNumber(digits("6837040")), "Niue: 4 digits")
        XCTAssertTrue(plan.isValidInternationalNumber(digits("390669821234")), "Italy keeps its 0")
        XCTAssertFalse(plan.isValidInternationalNumber(digits("1212555019")), "9 digits after the 1")
        XCTAssertFalse(plan.isValidInternationalNumber(digits("4402079460958")), "the trunk 0 kept")
        XCTAssertFalse(plan.isValidInternationalNumber(digits("19995550123")), "no area code 999")
        XCTAssertEqual(plan.validRegion(callingCode: 1, national: digits("4165550123"))?.code, "CA")
        XCTAssertEqual(plan.validRegion(callingCode: 44, national: digits("1534456789"))?.code, "JE", "leading digits")
    }

    func testNationalReadings() throws {
        let germany = try XCTUnwrap(plan.region(code: "de"))
        XCTAssertEqual(plan.read(digits("015123456789"), dialledIn: germany).map(\.e164), ["+4915123456789"])
        let britain = try XCTUnwrap(plan.region(code: "GB"))
        XCTAssertEqual(
            plan.read(digits("00442079460958"), dialledIn: britain).map(\.route), [.internationalPrefix(length: 2)])
        let antigua = try XCTUnwrap(plan.region(code: "AG"))
        XCTAssertEqual(
            plan.read(digits("4601234"), dialledIn: antigua).map(\.e164), ["+12684601234"], "a local number gains 268")
        let argentina = try XCTUnwrap(plan.region(code: "AR"))
        XCTAssertTrue(
            plan.read(digits("0111523456789"), dialledIn: argentina).map(\.e164).contains("+5491123456789"),
            "0 11 15 reads as 9 11")
        let readings = plan.validReadings(of: digits("15123456789")).map(\.e164)
        XCTAssertTrue(readings.contains("+15123456789") && readings.contains("+4915123456789"), "\(readings)")
    }
}
