import CallLint
import Foundation
import XCTest

/// The schemas and the field descriptions against their sources: the July 2026 swagger's
/// models, and the settings the configuration parser takes.
final class SchemaTests: XCTestCase {
    func swaggerModel(_ name: String) throws -> [String: [String: Any]] {
        let url = TestPaths.shared.appendingPathComponent("genesys/api-2026-07.json")
        let data = try Data(contentsOf: url)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let models = try XCTUnwrap(root["models"] as? [String: Any])
        let model = try XCTUnwrap(models[name] as? [String: Any])
        return try XCTUnwrap(model["properties"] as? [String: [String: Any]])
    }

    func testFieldDescriptionsAreTheSwaggers() throws {
        for (model, descriptions) in [
            ("CreateCallRequest", FieldDescriptions.request), ("Destination", FieldDescriptions.destination),
        ] {
            let properties = try swaggerModel(model)
            for (key, property) in properties {
                XCTAssertEqual(descriptions[key], property["description"] as? String, "\(model).\(key)")
            }
            // Only sessionType, which Genesys' own SDK sends, is described beyond the swagger.
            XCTAssertEqual(
                Set(descriptions.keys).subtracting(properties.keys), model == "Destination" ? [] : ["sessionType"])
        }
    }

    func testTheRequestSchemaHasEveryFieldWithTheSwaggersType() throws {
        let schema = try XCTUnwrap(JSONTree.parse(Array(JSONSchemas.requestBody.utf8)))
        XCTAssertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["additionalProperties"], false)
        for (model, properties) in [
            ("CreateCallRequest", schema["properties"]),
            ("Destination", schema["$defs"]?["Destination"]?["properties"]),
        ] {
            for (key, property) in try swaggerModel(model) {
                let field = try XCTUnwrap(properties?[key], "\(model).\(key)")
                // The swagger's type, or null ("not set").
                XCTAssertEqual(field["type"], [.string(property["type"] as? String ?? "?"), "null"], "\(model).\(key)")
                XCTAssertEqual(field["description"]?.string, property["description"] as? String)
            }
        }
    }

    func testTheConfigurationSchemaNamesEverySettingAndRule() throws {
        let schema = try XCTUnwrap(JSONTree.parse(Array(JSONSchemas.configuration.utf8)))
        guard case .object(let properties)? = schema["properties"] else { return XCTFail("no properties") }
        XCTAssertEqual(Set(properties.map(\.key)), Set(["$schema"] + Configuration.settingNames))
        XCTAssertEqual(
            schema["properties"]?["disable"]?["items"]?["enum"]?.elements?.compactMap(\.string), RuleRegistry.ids)
        // The configuration takes the key the schema says editors look for.
        XCTAssertNoThrow(try Configuration.parse(Array("{\"$schema\": \"./config.schema.json\"}".utf8)))
        XCTAssertThrowsError(try Configuration.parse(Array("{\"$schema\": 1}".utf8)))
    }
}
