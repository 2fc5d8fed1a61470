import NeuralBrainCore

/// The discovery files of a release: Atom feed, sitemap and robots.txt (conventions §3.4).
enum SiteFeeds {
  /// `baseURL` with exactly one trailing slash; `nil` when unset, blank, or holding spaces,
  /// control characters or markup characters that no URL needs.
  static func normalizedBase(_ baseURL: String?) -> String? {
    guard let base = baseURL, !base.isEmpty,
      base.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"\"<>'`".unicodeScalars.contains($0) })
    else { return nil }
    return base.hasSuffix("/") ? base : base + "/"
  }

  /// Atom 1.0 feed with one entry per run: this run, then the history (newest first). Each
  /// entry links its day's archive snapshot through the snapshot's SHA256SUMS manifest.
  static func atom(_ content: SiteContent) -> String {
    let base = normalizedBase(content.baseURL)
    let current = content.feedEntry
    let entries = [current] + content.history.filter { $0.runID != current.runID }
    var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    xml += "<id>\(Markup.escape(base ?? "urn:neuralbrain:feed"))</id>\n"
    xml += "<title>NeuralBrain epidemic forecasts</title>\n"
    xml += "<subtitle>One entry per forecast run.</subtitle>\n"
    xml += "<updated>\(NumberFormat.isoTimestamp(content.run.generatedAt))</updated>\n"
    xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Markup.escape((base ?? "") + "feed.xml"))\"/>\n"
    xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape((base ?? "") + "index.html"))\"/>\n"
    xml += "<author><name>NeuralBrain</name></author>\n"
    xml += "<rights>Forecasts licensed \(APIDocuments.license)</rights>\n"
    for entry in entries {
      xml += "<entry>\n"
      xml += "<id>urn:neuralbrain:run:\(Slug.make(entry.runID))</id>\n"
      xml += "<title>\(Markup.escape("Forecast run \(entry.runID) (\(entry.provider))"))</title>\n"
      xml += "<updated>\(NumberFormat.isoTimestamp(entry.generatedAt))</updated>\n"
      if entry.runID == current.runID {
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape((base ?? "") + "index.html"))\"/>\n"
      }
      let snapshot =
        (base ?? "") + ArchiveLayout.path(ArchiveLayout.day(of: entry.generatedAt)) + ArchiveLayout.manifest
      xml +=
        "<link rel=\"related\" type=\"text/plain\" title=\"dated snapshot\" href=\"\(Markup.escape(snapshot))\"/>\n"
      xml += "<content type=\"text\">\(Markup.escape(entry.summary))</content>\n"
      xml += "</entry>\n"
    }
    return xml + "</feed>\n"
  }

  /// `sitemap.xml` listing the HTML pages under `baseURL`; nil without a usable base URL, since
  /// the sitemap protocol allows absolute URLs only.
  static func sitemap(_ content: SiteContent, pages: [SitePath]) -> String? {
    guard let base = normalizedBase(content.baseURL) else { return nil }
    let lastmod = NumberFormat.day(content.run.generatedAt).iso
    var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for page in pages {
      xml += "<url><loc>\(Markup.escape(base + page.description))</loc><lastmod>\(lastmod)</lastmod></url>\n"
    }
    return xml + "</urlset>\n"
  }

  /// `robots.txt`: everything allowed, with a `Sitemap:` line when the absolute URL is known.
  static func robots(_ content: SiteContent) -> String {
    var text = "User-agent: *\nAllow: /\n"
    if let base = normalizedBase(content.baseURL) {
      text += "\nSitemap: \(base)sitemap.xml\n"
    }
    return text
  }
}
