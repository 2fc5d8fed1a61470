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

  /// One region's lines, each ending in a newline, as UTF-8.
  static func rows(_ forecast: ForecastData, file: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    let location = Markup.csvField(forecast.regionCode)
    for metric in forecast.metrics {
      let target = Markup.csvField(metric.target)
      // The levels as the last column but one, spelled once per metric.
      let levels = metric.quantileLevels.map { level in
        var spelled: [UInt8] = []
        NumberFormat.appendTrimmed(level, to: &spelled)
        return spelled + [UInt8(ascii: ",")]
      }
      for horizon in metric.horizons where isPublished(horizon.horizon, frequency: metric.frequency) {
        guard horizon.quantiles.count == metric.quantileLevels.count else {
          throw RenderError.malformedForecast(
            regionID: forecast.regionID,
            detail: "\(metric.target) horizon \(horizon.horizon) has "
              + "\(horizon.quantiles.count) quantiles for \(metric.quantileLevels.count) levels")
        }
        let prefix = Array(
          (metric.referenceDate.iso + "," + target + "," + String(horizon.horizon) + ","
            + horizon.targetEndDate.iso + "," + location + ",quantile,").utf8)
        for (index, (level, value)) in zip(metric.quantileLevels, horizon.quantiles).enumerated() {
          guard value.isFinite, level.isFinite else {
            throw RenderError.nonFiniteValue(
              file: file,
              detail: "\(forecast.regionID) \(metric.target) horizon \(horizon.horizon) "
                + "quantile \(NumberFormat.trimmed(level))")
          }
          bytes += prefix
          bytes += levels[index]
          NumberFormat.appendTrimmed(value, to: &bytes)
          bytes.append(UInt8(ascii: "\n"))
        }
      }
    }
    return bytes
  }
}
