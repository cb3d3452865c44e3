// The report's Codable form is the `regrid.cn-gov-disclosure` JSON that `regrid extract` writes
// (DisclosureJSONWriter): `JSONDecoder` reads that output back into a DisclosureReport.

extension DisclosureFigure: Codable {
    private enum Keys: String, CodingKey { case table, row, column, value, text, at }
    private enum AtKeys: String, CodingKey { case table, row, column }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let at = try c.nestedContainer(keyedBy: AtKeys.self, forKey: .at)
        self.init(table: try c.decode(DisclosureTable.self, forKey: .table),
                  row: try c.decode([String].self, forKey: .row),
                  column: try c.decode([String].self, forKey: .column),
                  value: try c.decodeIfPresent(Double.self, forKey: .value),
                  text: try c.decode(String.self, forKey: .text),
                  tableID: try at.decode(String.self, forKey: .table),
                  cellRow: try at.decode(Int.self, forKey: .row),
                  cellColumn: try at.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(table, forKey: .table)
        try c.encode(row, forKey: .row)
        try c.encode(column, forKey: .column)
        try c.encode(value, forKey: .value)
        try c.encode(text, forKey: .text)
        var at = c.nestedContainer(keyedBy: AtKeys.self, forKey: .at)
        try at.encode(tableID, forKey: .table)
        try at.encode(cellRow, forKey: .row)
        try at.encode(cellColumn, forKey: .column)
    }
}

extension DisclosureCheck: Codable {
    private enum Keys: String, CodingKey { case rule, ok, table, row, column, expected, actual, message, inputs }

    /// `inputs` is optional: `regrid extract` does not write it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(rule: try c.decode(String.self, forKey: .rule), ok: try c.decode(Bool.self, forKey: .ok),
                  table: try c.decode(DisclosureTable.self, forKey: .table),
                  row: try c.decodeIfPresent([String].self, forKey: .row),
                  column: try c.decodeIfPresent([String].self, forKey: .column),
                  expected: try c.decode(Double.self, forKey: .expected), actual: try c.decode(Double.self, forKey: .actual),
                  message: try c.decode(String.self, forKey: .message),
                  inputs: try c.decodeIfPresent([FigurePath].self, forKey: .inputs) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(ok, forKey: .ok)
        try c.encode(table, forKey: .table)
        try c.encodeIfPresent(row, forKey: .row)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encode(expected, forKey: .expected)
        try c.encode(actual, forKey: .actual)
        try c.encode(message, forKey: .message)
        if !inputs.isEmpty { try c.encode(inputs, forKey: .inputs) }
    }
}
