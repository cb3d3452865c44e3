/// Open Packaging Conventions pieces that every OOXML package Regrid writes (DOCX, XLSX)
/// shares: the XML declaration, the relationship namespaces and relationship parts.
enum OPCPackage {
    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// A relationships part whose relationships (id `rId1`, `rId2`, … in order) have the given
    /// officeDocument relationship types (e.g. `officeDocument`, `styles`) and targets.
    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        var out = xmlHeader + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for (index, rel) in targets.enumerated() {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNamespace)/\(rel.type)\" Target=\"\(rel.target)\"/>"
        }
        return out + "</Relationships>"
    }

    /// `[Content_Types].xml` with the rels/xml defaults and one override per (part, content type).
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        var out = xmlHeader + "<Types xmlns=\"\(contentTypesNamespace)\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for o in overrides { out += "<Override PartName=\"\(o.part)\" ContentType=\"\(o.type)\"/>" }
        return out + "</Types>"
    }
}
