import NeuralBrainCore

/// Every quantile of a release in hubverse model-output layout (`forecasts/hub.csv`).
///
/// Researchers score the file with the hubverse tools, so the header and column order are fixed;
/// values use at most four decimals without trailing zeros.
enum HubCSV {
  static let header = StandardDocuments.hubColumns.map(\.name).joined(separator: ",")

  /// The CSV text; throws when a quantile is not a finite number.
  static func text(_ forecasts: [ForecastData], file: String) throws -> String {
    var lines = [header]
    for forecast in forecasts {
      let location = Markup.csvField(forecast.regionCode)
      for metric in forecast.metrics {
        let target = Markup.csvField(metric.target)
        for horizon in metric.horizons {
          guard horizon.quantiles.count == metric.quantileLevels.count else {
            throw RenderError.malformedForecast(
              regionID: forecast.regionID,
              detail: "\(metric.target) horizon \(horizon.horizon) has "
                + "\(horizon.quantiles.count) quantiles for \(metric.quantileLevels.count) levels")
          }
          let prefix =
            metric.referenceDate.iso + "," + target + "," + String(horizon.horizon) + ","
            + horizon.targetEndDate.iso + "," + location + ",quantile,"
          for (level, value) in zip(metric.quantileLevels, horizon.quantiles) {
            guard value.isFinite, level.isFinite else {
              throw RenderError.nonFiniteValue(
                file: file,
                detail: "\(forecast.regionID) \(metric.target) horizon \(horizon.horizon) "
                  + "quantile \(NumberFormat.trimmed(level))")
            }
            lines.append(prefix + NumberFormat.trimmed(level) + "," + NumberFormat.trimmed(value))
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
