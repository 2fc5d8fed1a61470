import NeuralBrainCore

/// The quantile forecasts of a release in hubverse model-output layout (`forecasts/hub.csv`).
///
/// Researchers score the file with the hubverse tools, so the header and column order are fixed;
/// values use at most four decimals without trailing zeros. Weekly data gives every horizon;
/// daily data the days the file is scored on (`isPublished`), since all 28 days × 23 quantiles
/// made gigabytes at thousands of regions. Every day's quantiles are in the region documents.
enum HubCSV {
  /// The first line; each region's `rows` follow in region order (the renderer makes them on
  /// every core and appends them a batch at a time).
  static let header = StandardDocuments.hubColumns.map(\.name).joined(separator: ",") + "\n"

  /// Whether `hub.csv` holds `horizon`: every horizon of weekly data; of daily data the next day
  /// and one day per week ahead (1, 7, 14, 21 and 28 days), a sixth of the rows.
  static func isPublished(_ horizon: Int, frequency: Frequency) -> Bool {
    frequency == .weekly || horizon == 1 || horizon % 7 == 0
  }

  /// One region's lines, each ending in a newline.
  static func rows(_ forecast: ForecastData, file: String) throws -> String {
    var text = ""
    let location = Markup.csvField(forecast.regionCode)
    for metric in forecast.metrics {
      let target = Markup.csvField(metric.target)
      for horizon in metric.horizons where isPublished(horizon.horizon, frequency: metric.frequency) {
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
          text += prefix + NumberFormat.trimmed(level) + "," + NumberFormat.trimmed(value) + "\n"
        }
      }
    }
    return text
  }
}
