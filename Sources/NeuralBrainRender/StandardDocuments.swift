import NeuralBrainCore

/// Documents whose shape an outside standard fixes: the JSON Schema of `ForecastData` and the
/// Frictionless `datapackage.json` describing the API's files.
enum StandardDocuments {
  /// JSON Schema (draft 2020-12) of one `api/v1/forecasts/region/<id>.json` document.
  static let forecastDataSchema: JSONValue = [
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "forecast-data.json",
    "title": "NeuralBrain ForecastData",
    "description": .string(
      "One region's published forecast (schema version \(ForecastData.schemaVersion)): the seed "
        + "system's fields, derived metrics, provenance and incident-count quantile forecasts."),
    "type": "object",
    "required": .array(forecastRequired.map(JSONValue.string)),
    "properties": [
      "schema_version": string("Version of this schema."),
      "run_id": string("The run that published the forecast."),
      "region": string("Display name of the region."),
      "region_id": [
        "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
        "description": "Stable slug used in URLs and file names.",
      ],
      "region_code": string("The source's own location code, as in hub.csv."),
      "population": number("Population, when known.", minimum: 0),
      "actual_cases": number("Latest cumulative case total over the data window.", minimum: 0),
      "actual_deaths": number("Latest cumulative death total over the data window.", minimum: 0),
      "forecasted_cases": dayValues("Cumulative median path of cases, day 1…H."),
      "forecasted_deaths": dayValues("Cumulative median path of deaths, day 1…H."),
      "confidence_score": number("Confidence, 0–1.", minimum: 0, maximum: 1),
      "risk_level": enumeration("Risk band cut from risk_score.", RiskLevel.allCases.map(\.rawValue)),
      "risk_score": number("Continuous, monotone risk score, 0–100.", minimum: 0, maximum: 100),
      "outbreak_probability": number("Probability read off the forecast quantiles.", minimum: 0, maximum: 1),
      "trend": enumeration("Three-way trend.", Trend.allCases.map(\.rawValue)),
      "trend_detail": enumeration("Five-way rate-change category.", TrendCategory.allCases.map(\.rawValue)),
      "growth_rate": number("Median forecast weekly growth rate of the primary metric (log scale)."),
      "volatility": number("Standard deviation of recent weekly log growth.", minimum: 0),
      "incidence_per100k": number("Incidence per 100k over the last week.", minimum: 0),
      "primary_metric": enumeration("Metric the derived metrics use.", Metric.allCases.map(\.rawValue)),
      "timestamp": dateTime("UTC time of the run."),
      "provider": string("The one provider that produced the forecast."),
      "model": string("Model id of the provider."),
      "method": string("Method text or prompt version."),
      "data_as_of": date("Last date the input data describe."),
      "source": string("Data source kind."),
      "source_url": string("File path or URL of the input data."),
      "is_synthetic": ["type": "boolean", "description": "True for the demo simulator's data."],
      "metrics": ["type": "array", "description": "Quantile forecasts per metric.", "items": metricForecast],
    ],
  ]

  /// The members `ForecastData` always encodes (optional members are left out when absent).
  static let forecastRequired = [
    "schema_version", "run_id", "region", "region_id", "region_code", "confidence_score",
    "risk_level", "risk_score", "outbreak_probability", "trend", "trend_detail", "growth_rate",
    "volatility", "primary_metric", "timestamp", "provider", "model", "method", "data_as_of",
    "source", "source_url", "is_synthetic", "metrics",
  ]

  /// Columns of `forecasts/hub.csv`, in order.
  static let hubColumns: [(name: String, type: String, description: String)] = [
    ("reference_date", "date", "Hub reference date of the forecast."),
    ("target", "string", "Hub target, e.g. \"wk inc cases\"."),
    ("horizon", "integer", "Hub horizon label (weeks 0…3 for weekly data, days 1…H for daily)."),
    ("target_end_date", "date", "Last day of the forecast period."),
    ("location", "string", "The source's location code."),
    ("output_type", "string", "Always \"quantile\"."),
    ("output_type_id", "number", "Quantile level."),
    ("value", "number", "Incident count at that quantile."),
  ]

  /// The Frictionless Data Package of `api/v1/`, with paths relative to it.
  static func dataPackage(_ content: SiteContent) -> JSONValue {
    let provenance = content.run.provenance
    var source: [String: JSONValue] = ["title": .string(provenance.source)]
    if let link = Markup.safeLink(provenance.sourceURL) { source["path"] = .string(link) }
    if let license = provenance.license { source["license"] = .string(license) }
    let fields: [JSONValue] = hubColumns.map {
      ["name": .string($0.name), "type": .string($0.type), "description": .string($0.description)]
    }
    let json: (String, String, String) -> JSONValue = { name, path, title in
      [
        "name": .string(name), "path": .string(path), "title": .string(title), "profile": "data-resource",
        "format": "json", "mediatype": "application/json", "encoding": "utf-8",
      ]
    }
    return [
      "name": "neuralbrain-forecasts",
      "title": "NeuralBrain epidemic forecasts",
      "description": .string(
        "Probabilistic forecasts of run \(content.run.runID) by provider \(content.run.provider) "
          + "(\(content.run.model)); data as of \(provenance.dataAsOf.iso)."
          + (provenance.isSynthetic ? " Synthetic demo data — not real epidemic figures." : "")),
      "version": .string(ForecastData.schemaVersion),
      "created": .string(NumberFormat.isoTimestamp(content.run.generatedAt)),
      "profile": "data-package",
      "licenses": [
        [
          "name": .string(APIDocuments.license), "path": .string(APIDocuments.licenseURL),
          "title": "Creative Commons Attribution 4.0 International",
        ]
      ],
      "sources": [.object(source)],
      "resources": [
        [
          "name": "hub-forecasts", "path": "forecasts/hub.csv",
          "title": "Quantile forecasts in hubverse model-output layout (daily data: days 1, 7, 14, 21, 28)",
          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
          "encoding": "utf-8", "schema": ["fields": .array(fields)],
        ],
        json("global-forecasts", "forecasts/global.json", "All regions' ForecastData with run metadata"),
        json("prediction-summary", "predictions/summary.json", "Risk, trend and next-period forecast per region"),
        json("regions", "regions.json", "Regions with codes and populations"),
        json("status", "status.json", "Run status: provider, fallback, staleness, notes"),
        json("forecast-data-schema", "schema/forecast-data.json", "JSON Schema of ForecastData"),
      ],
    ]
  }

  // MARK: - Implementation details

  private static var metricForecast: JSONValue {
    [
      "type": "object",
      "required": ["metric", "frequency", "target", "reference_date", "recent", "quantile_levels", "horizons"],
      "properties": [
        "metric": enumeration("Metric.", Metric.allCases.map(\.rawValue)),
        "frequency": enumeration("Reporting frequency.", ["daily", "weekly"]),
        "target": string("Hub target name."),
        "reference_date": date("Hub reference date."),
        "recent": [
          "type": "array", "description": "Recent incident observations, oldest first.",
          "items": [
            "type": "object", "required": ["date"],
            "properties": [
              "date": date("Date of the value."), "value": number("Incident count; absent when missing.", minimum: 0),
            ],
          ],
        ],
        "quantile_levels": [
          "type": "array", "description": "The 23 hub quantile levels.",
          "minItems": 23, "maxItems": 23, "items": number("Level.", minimum: 0, maximum: 1),
        ],
        "horizons": ["type": "array", "items": horizon],
        "next_period": described(
          horizon,
          "Daily data: the forecast of the next 7 days' total (horizon 7, ending on the 7th day), "
            + "as the provider made it; absent for weekly data and for providers without one."),
      ],
    ]
  }

  private static var horizon: JSONValue {
    [
      "type": "object", "required": ["horizon", "target_end_date", "quantiles"],
      "properties": [
        "horizon": ["type": "integer", "description": "Hub horizon label."],
        "target_end_date": date("End of the forecast period."),
        "quantiles": [
          "type": "array", "description": "Values at quantile_levels, non-decreasing.",
          "minItems": 23, "maxItems": 23, "items": number("Incident count.", minimum: 0),
        ],
      ],
    ]
  }

  /// `schema` with a `description`.
  private static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
    guard case .object(var members) = schema else { return schema }
    members["description"] = .string(description)
    return .object(members)
  }

  private static func string(_ description: String) -> JSONValue {
    ["type": "string", "description": .string(description)]
  }

  private static func date(_ description: String) -> JSONValue {
    ["type": "string", "format": "date", "description": .string(description)]
  }

  private static func dateTime(_ description: String) -> JSONValue {
    ["type": "string", "format": "date-time", "description": .string(description)]
  }

  private static func enumeration(_ description: String, _ values: [String]) -> JSONValue {
    ["type": "string", "enum": .array(values.map(JSONValue.string)), "description": .string(description)]
  }

  private static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
    var members: [String: JSONValue] = ["type": "number", "description": .string(description)]
    if let minimum { members["minimum"] = .number(minimum) }
    if let maximum { members["maximum"] = .number(maximum) }
    return .object(members)
  }

  private static func dayValues(_ description: String) -> JSONValue {
    [
      "type": "array", "description": .string(description),
      "items": [
        "type": "object", "required": ["day", "value"],
        "properties": ["day": ["type": "integer", "minimum": 1], "value": number("Cumulative median.", minimum: 0)],
      ],
    ]
  }
}
