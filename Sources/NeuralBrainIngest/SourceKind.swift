/// Which ingest adapter a run uses; the `kind` key of the `[source]` table.
public enum SourceKind: String, CaseIterable, Codable, Hashable, Sendable {
  /// The embedded, seeded outbreak simulator (synthetic data).
  case demo
  /// The user's own long-format CSV: `date,region,metric,value[,population]`.
  case csv
  /// Hubverse / CDC FluSight target-data CSV (weekly hospital admissions).
  case hub
  /// JHU CSSE wide time-series CSVs (cumulative confirmed cases and deaths).
  case jhu
  /// Our World in Data COVID-19 CSV.
  case owid
  /// The disease.sh REST API.
  case diseasesh
}
