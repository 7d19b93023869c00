import Foundation
import XCTest

@testable import CallLint

/// The body models as data against the swagger's facts they are generated from, and the roles
/// the generator reads from those facts against what the rules of the calls body check.
final class BodyModelTests: XCTestCase {
    func swaggerModels() throws -> [String: [String: Any]] {
        let url = TestPaths.shared.appendingPathComponent("genesys/api-2026-07.json")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap(root["models"] as? [String: [String: Any]])
    }

    func testEveryModelHasTheSwaggersFieldsTypesEnumsAndRequiredFields() throws {
        let models = try swaggerModels()
        XCTAssertEqual(Set(BodyModel.all.map(\.name)), Set(models.keys))
        for model in BodyModel.all {
            let facts = try XCTUnwrap(models[model.name])
            XCTAssertEqual(model.required, facts["required"] as? [String] ?? [], model.name)
            let properties = facts["properties"] as? [String: [String: Any]] ?? [:]
            XCTAssertEqual(Set(model.fields.map(\.name)), Set(properties.keys), model.name)
            for field in model.fields {
                let property = try XCTUnwrap(properties[field.name])
                let place = "\(model.name).\(field.name)"
                let type = property["type"] as? String ?? (property["ref"] != nil ? "object" : "any")
                XCTAssertEqual(field.type.rawValue, type, place)
                XCTAssertEqual(field.values, property["enum"] as? [String] ?? [], place)
                XCTAssertEqual(field.format, property["format"] as? String, place)
                XCTAssertEqual(field.model, property["ref"] as? String, place)
                XCTAssertEqual(field.description, property["description"] as? String ?? "", place)
            }
        }
    }

    func testTheCallBodysRolesAreTheOnesItsRulesCheck() {
        let roles = CallRequestModel.requestFields
        for name in ["phoneNumber", "callerId"] { XCTAssertEqual(roles[name], .phoneNumber, name) }
        for name in ["callFromQueueId", "callQueueId", "callUserId", "languageId", "externalContactId"] {
            XCTAssertEqual(roles[name], .identifier, name)
        }
        for name in ["routingSkillsIds", "conversationIds"] { XCTAssertEqual(roles[name], .identifierList, name) }
        for name in ["callerIdName", "routingSkillExpression", "uuiData", "label", "sessionType"] {
            XCTAssertEqual(roles[name], .text, name)
        }
        XCTAssertEqual(roles["priority"], .integer)
        XCTAssertEqual(roles["attributes"], .stringMap)
        XCTAssertEqual(roles["participants"], .destinations)
        XCTAssertEqual(
            CallRequestModel.destinationFields,
            ["address": .address, "name": .text, "userId": .identifier, "queueId": .identifier])
        XCTAssertEqual(
            Set(CallRequestModel.queueRoutingFields),
            ["priority", "languageId", "routingSkillsIds", "routingSkillExpression"])
    }

    func testRolesTheSwaggersWordsWouldMisreadAreSetApart() {
        // A name is taken where a transfer's address is; a callback's countryCode is "US".
        XCTAssertEqual(BodyModel.transferToAddressRequest.field("address")?.role, .text)
        XCTAssertEqual(BodyModel.createCallbackCommand.field("countryCode")?.role, .text)
        XCTAssertEqual(BodyModel.createCallbackCommand.field("callbackNumbers")?.role, .phoneNumberList)
        XCTAssertEqual(BodyModel.consultTransfer.field("speakTo")?.role, .enumeration)
        XCTAssertEqual(BodyModel.createCallbackCommand.field("callbackScheduledTime")?.role, .dateTime)
    }
}
