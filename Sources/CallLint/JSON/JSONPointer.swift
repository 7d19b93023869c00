/// RFC 6901 JSON Pointer helpers.
public enum JSONPointer {
    public static func escape(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
