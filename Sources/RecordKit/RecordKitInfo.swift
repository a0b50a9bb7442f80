/// Placeholder namespace until the records issue fills this module.
public enum RecordKitInfo { public static let schemaVersion = 0 }
