import NeuralBrainTemplates
import Testing

/// The library as the renderer uses it: every template parsed up front, partials found by name,
/// one library rendering on many threads at once.
@Suite("Template library")
struct TemplateLibraryTests {
  static let contentTypes = TemplateCase.contentTypes

  @Test("the site's templates are all read and all parse")
  func siteTemplates() throws {
    let expected: Set = [
      "404", "about", "compare", "email.html", "email.txt", "evaluation", "footer", "header", "index", "region",
      "style.css",
    ]
    #expect(expected.isSubset(of: Set(SiteModel.templates.keys)))
    let library = try TemplateLibrary(
      templates: SiteModel.templates, contentTypes: Self.contentTypes, defaultContentType: "XHTML")
    #expect(library.names == SiteModel.templates.keys.sorted())
  }

  @Test("partials are found in the library by name; a missing template renders as nil")
  func names() throws {
    let library = try TemplateLibrary(
      templates: ["page": "{{>header}}body{{>footer}}", "header": "<h>", "footer": "</f>"],
      contentTypes: Self.contentTypes, defaultContentType: "XHTML")
    #expect(library.names == ["footer", "header", "page"])
    #expect(library.render([:], template: "page").map { String(decoding: $0, as: UTF8.self) } == "<h>body</f>")
    #expect(library.render([:], template: "missing") == nil)
  }

  @Test("an empty library")
  func empty() throws {
    let library = try TemplateLibrary(templates: [:], contentTypes: Self.contentTypes, defaultContentType: "TEXT")
    #expect(library.names.isEmpty)
    #expect(library.render([:], template: "page") == nil)
  }

  @Test("the data's root need not be an object")
  func root() throws {
    let library = try TemplateLibrary(
      templates: ["page": "[{{.}}|{{#.}}{{.}},{{/.}}|{{x}}]"], contentTypes: Self.contentTypes,
      defaultContentType: "XHTML")
    let render = { (data: TemplateData) in
      library.render(data, template: "page").map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(render("<t>") == "[&lt;t&gt;|&lt;t&gt;,|]")
    #expect(render([1, 2]) == "[|1,2,|]")
    #expect(render(.null) == "[||]")
  }

  @Test("renderings on many threads at once give the bytes of a rendering alone")
  func concurrentRendering() async throws {
    let library = try TemplateLibrary(
      templates: SiteModel.templates, contentTypes: Self.contentTypes, defaultContentType: "XHTML")
    let models = SiteModel.variants.map(SiteModel.model(variant:))
    var alone: [[UInt8]] = []
    for model in models {
      for name in library.names {
        alone.append(try #require(library.render(model, template: name)))
      }
    }
    let expected = alone
    let mismatches = await withTaskGroup(of: Int.self) { group in
      for task in 0..<8 {
        group.addTask {
          var mismatches = 0
          for round in 0..<20 {
            var index = 0
            for model in models {
              for name in library.names {
                if (round + task).isMultiple(of: 2) || index.isMultiple(of: 3) {
                  mismatches += library.render(model, template: name) == expected[index] ? 0 : 1
                }
                index += 1
              }
            }
          }
          return mismatches
        }
      }
      return await group.reduce(0, +)
    }
    #expect(mismatches == 0)
  }
}
