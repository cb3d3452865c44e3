// libFuzzer target for the HTML reader (HTML, XHTML, MHTML). Built by Fuzz/fuzz.sh (swiftc
// -sanitize=fuzzer,address), compiled into one module with RegridKit's sources and Fuzz/FuzzSupport.swift, outside the
// package build. Inputs go through format sniffing like the CLI's (Regrid.read) when they look
// like a page, and straight into HTMLReader otherwise, so that every input reaches the HTML path;
// any document that comes back must pass Document.validate() and be writable as JSON and HTML.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    return fuzzOne(data, size, reader: "HTML reader") { bytes in try HTMLReader(limits: sharedFuzzLimits).read(bytes: bytes, name: "fuzz.html") }
}
